package marketsim.scenario;

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
        double take = node.number(Params.TAKE_RATE);
        double fee = node.number(Params.FULFILMENT_FEE);
        double cost = node.number(Params.FULFILMENT_COST);
        double listing = node.number(Params.LISTING_FEE);
        double subsidy = node.number(Params.SUBSIDY);
        double fixed = node.number(Params.PLATFORM_FIXED_COST);
        double cash = node.number(Params.PLATFORM_CASH);
        int review = (int) node.integer(Params.PLATFORM_REVIEW);
        int maxEntrants = (int) node.integer(Params.MAX_ENTRANTS);
        double relist = node.number(Params.RELIST_SHARE);
        Node ranking = node.object("ranking");
        int results = (int) ranking.integer(Params.RESULTS);
        int sponsored = (int) ranking.integer(Params.SPONSORED_SLOTS);
        int bins = (int) ranking.integer(Params.TASTE_BINS);
        double self = ranking.number(Params.SELF_PREFERENCING);
        if (sponsored > results) {
            ranking.problem(ranking.child("sponsored_slots"), "(" + sponsored + ") must be at most results (" + results + ")");
            sponsored = results;
        }
        ranking.finish();
        Node recommendation = node.object("recommendation");
        double max = recommendation.number(Params.RECOMMENDATION_MAX);
        double scale = recommendation.number(Params.RECOMMENDATION_SCALE);
        recommendation.finish();
        Node relationship = node.object("relationship");
        double omega = relationship.number(Params.RELATIONSHIP_SHARE);
        double platformRate = relationship.number(Params.PLATFORM_RELATIONSHIP_RATE);
        relationship.finish();
        Node membership = node.object("membership");
        double initial = membership.number(Params.INITIAL_MEMBERS);
        double join = membership.number(Params.JOIN_RATE);
        double leave = membership.number(Params.LEAVE_RATE);
        double variety = membership.number(Params.VARIETY_WEIGHT);
        double base = membership.number(Params.MEMBERSHIP_UTILITY);
        membership.finish();
        node.finish();
        return new PlatformConfig(take, fee, cost, listing, subsidy, fixed, cash, Math.max(1, results),
                Math.max(0, sponsored), Math.max(1, bins), self, max, Math.max(1, scale), omega, platformRate,
                initial, join, leave, variety, base, Math.max(1, review), maxEntrants, relist);
    }

    static StoreConfig store(Node node) {
        StoreConfig store = new StoreConfig(Math.max(1, (int) node.integer(Params.SLOTS)), node.number(Params.SLOTTING_FEE),
                node.number(Params.RETAIL_MARGIN), node.number(Params.STORE_FIXED_COST), node.number(Params.STORE_CASH),
                Math.max(1, (int) node.integer(Params.STORE_REVIEW)));
        node.finish();
        return store;
    }
}
