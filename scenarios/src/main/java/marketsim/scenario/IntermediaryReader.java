package marketsim.scenario;

import marketsim.core.config.FeeRuleName;
import marketsim.core.config.PlatformConfig;
import marketsim.core.config.StoreConfig;

/**
 * Reads the intermediaries: the {@code platform:} section (fees, ranking, recommendation,
 * relationship and membership) and the {@code store:} section (shelf slots and fees).
 */
final class IntermediaryReader {
    private IntermediaryReader() {
    }

    static PlatformConfig platform(Node node) {
        double take = node.number(IntermediaryParams.TAKE_RATE);
        double fee = node.number(IntermediaryParams.FULFILMENT_FEE);
        double cost = node.number(IntermediaryParams.FULFILMENT_COST);
        double listing = node.number(IntermediaryParams.LISTING_FEE);
        double subsidy = node.number(IntermediaryParams.SUBSIDY);
        double fixed = node.number(IntermediaryParams.PLATFORM_FIXED_COST);
        double cash = node.number(IntermediaryParams.PLATFORM_CASH);
        int review = (int) node.integer(IntermediaryParams.PLATFORM_REVIEW);
        int maxEntrants = (int) node.integer(IntermediaryParams.MAX_ENTRANTS);
        double relist = node.number(IntermediaryParams.RELIST_SHARE);
        Node ranking = node.object("ranking");
        int results = (int) ranking.integer(IntermediaryParams.RESULTS);
        int sponsored = (int) ranking.integer(IntermediaryParams.SPONSORED_SLOTS);
        int bins = (int) ranking.integer(IntermediaryParams.TASTE_BINS);
        double self = ranking.number(IntermediaryParams.SELF_PREFERENCING);
        double examinationDecay = ranking.number(IntermediaryParams.EXAMINATION_DECAY);
        if (sponsored > results) {
            ranking.problem(ranking.child("sponsored_slots"), "(" + sponsored + ") must be at most results (" + results + ")");
            sponsored = results;
        }
        ranking.finish();
        Node recommendation = node.object("recommendation");
        double max = recommendation.number(IntermediaryParams.RECOMMENDATION_MAX);
        double scale = recommendation.number(IntermediaryParams.RECOMMENDATION_SCALE);
        recommendation.finish();
        Node relationship = node.object("relationship");
        double omega = relationship.number(IntermediaryParams.RELATIONSHIP_SHARE);
        double platformRate = relationship.number(IntermediaryParams.PLATFORM_RELATIONSHIP_RATE);
        relationship.finish();
        Node membership = node.object("membership");
        double initial = membership.number(IntermediaryParams.INITIAL_MEMBERS);
        double join = membership.number(IntermediaryParams.JOIN_RATE);
        double leave = membership.number(IntermediaryParams.LEAVE_RATE);
        double variety = membership.number(IntermediaryParams.VARIETY_WEIGHT);
        double base = membership.number(IntermediaryParams.MEMBERSHIP_UTILITY);
        membership.finish();
        PlatformConfig.FeeRule feeRule = feeRule(node.object("fee_rule"));
        node.finish();
        return new PlatformConfig(take, fee, cost, listing, subsidy, fixed, cash, Math.max(1, results),
                Math.max(0, sponsored), Math.max(1, bins), self, max, Math.max(1, scale), omega, platformRate,
                initial, join, leave, variety, base, Math.max(1, review), maxEntrants, relist, examinationDecay, feeRule);
    }

    private static PlatformConfig.FeeRule feeRule(Node node) {
        FeeRuleName rule = FeeRuleName.byKey(node.choice(IntermediaryParams.FEE_RULE)).orElse(FeeRuleName.FIXED);
        PlatformConfig.FeeRule feeRule = new PlatformConfig.FeeRule(rule,
                Math.max(1, (int) node.integer(IntermediaryParams.FEE_REVIEW)), node.number(IntermediaryParams.TAKE_STEP),
                node.number(IntermediaryParams.MAX_TAKE_RATE), node.number(IntermediaryParams.SUBSIDY_STEP),
                node.number(IntermediaryParams.MEMBER_THRESHOLD), (int) node.integer(IntermediaryParams.SELLER_THRESHOLD));
        node.finish();
        return feeRule;
    }

    static StoreConfig store(Node node) {
        StoreConfig store = new StoreConfig(Math.max(1, (int) node.integer(IntermediaryParams.SLOTS)), node.number(IntermediaryParams.SLOTTING_FEE),
                node.number(IntermediaryParams.RETAIL_MARGIN), node.number(IntermediaryParams.STORE_FIXED_COST), node.number(IntermediaryParams.STORE_CASH),
                Math.max(1, (int) node.integer(IntermediaryParams.STORE_REVIEW)), node.number(IntermediaryParams.SLOTTING_FEE_STEP));
        node.finish();
        return store;
    }
}
