package marketsim.core.config;

/**
 * The hybrid platform (MODEL.md section 4): a marketplace that charges sellers for access and
 * personalizes for consumers.
 *
 * @param takeRate            commission on each sale, share of the seller's price
 * @param fulfilmentFee       fee per unit charged to third-party sellers (money/unit)
 * @param fulfilmentCost      what fulfilment costs the platform per unit (money/unit)
 * @param listingFee          fee per tick from each listed third-party seller (money/tick)
 * @param subsidy             share of the price the platform pays back to the consumer
 * @param fixedCostPerTick    the platform's own fixed cost (money/tick)
 * @param initialCash         the platform's cash at tick 0 (money)
 * @param results             offers a member sees per purchase occasion (top k of its taste bin), at most
 *                            {@link #MAX_RESULTS}
 * @param sponsoredSlots      of those, slots sold by the ad auction
 * @param tasteBins           bins of the taste circle the ranking is computed for
 * @param selfPreferencing    utils added to the private label's organic ranking score
 * @param recommendationMax   personalization phi reached with unlimited data
 * @param recommendationScale platform transactions at which phi reaches 63% of its maximum
 * @param relationshipShare   omega: share of the relationship gain a brand keeps when it sells
 *                            through the platform
 * @param relationshipRate    eta of the platform's own relationship stock with its buyers
 * @param initialMembers      share of consumers who are members at tick 0
 * @param joinRate            most a non-member joins per tick (probability)
 * @param leaveRate           most a member leaves per tick (probability)
 * @param varietyWeight       utils of membership per unit of ln(1 + active sellers)
 * @param membershipUtility   constant utils of membership, besides affinity, variety and price
 * @param reviewEvery         ticks between sellers' list / delist decisions (the lag)
 * @param maxEntrantsPerReview most potential entrants that enter at one review
 * @param relistShare         probability a delisted seller for which listing pays again relists at a review
 * @param examinationDecay    {@code eta}: a member examines the result at rank r (1 = top) with probability
 *                            {@code r^-eta} (0: every result is examined)
 * @param feeRule             how the platform moves its take rate and subsidy over the run
 */
public record PlatformConfig(double takeRate, double fulfilmentFee, double fulfilmentCost, double listingFee,
                             double subsidy, double fixedCostPerTick, double initialCash, int results,
                             int sponsoredSlots, int tasteBins, double selfPreferencing,
                             double recommendationMax, double recommendationScale, double relationshipShare,
                             double relationshipRate,
                             double initialMembers, double joinRate, double leaveRate, double varietyWeight,
                             double membershipUtility, int reviewEvery, int maxEntrantsPerReview,
                             double relistShare, double examinationDecay, FeeRule feeRule) {
    /** The most results a member sees: which of them it examines is kept in a 64-bit mask. */
    public static final int MAX_RESULTS = Long.SIZE;

    public PlatformConfig {
        if (results > MAX_RESULTS) {
            throw new IllegalArgumentException("platform results " + results + " exceed " + MAX_RESULTS);
        }
        if (results < 1 || sponsoredSlots < 0 || sponsoredSlots > results || tasteBins < 1 || reviewEvery < 1) {
            throw new IllegalArgumentException("platform ranking needs results >= sponsored slots, bins and a review period");
        }
        if (feeRule == null || feeRule.reviewEvery() < 1) {
            throw new IllegalArgumentException("the platform needs a fee rule with a review period");
        }
        if (!(examinationDecay >= 0)) {
            throw new IllegalArgumentException("examination decay must be >= 0, got " + examinationDecay);
        }
    }

    /** The same platform with {@code utils} of self-preferencing (a game's platform team moves it). */
    public PlatformConfig withSelfPreferencing(double utils) {
        return new PlatformConfig(takeRate, fulfilmentFee, fulfilmentCost, listingFee, subsidy, fixedCostPerTick,
                initialCash, results, sponsoredSlots, tasteBins, utils, recommendationMax, recommendationScale,
                relationshipShare, relationshipRate, initialMembers, joinRate, leaveRate, varietyWeight,
                membershipUtility, reviewEvery, maxEntrantsPerReview, relistShare, examinationDecay, feeRule);
    }

    /** {@code e_r = r^-eta}: the probability a member examines the result in slot {@code slot} (0 = the top). */
    public double examination(int slot) {
        return Math.pow(slot + 1, -examinationDecay);
    }

    /**
     * How the platform sets its fee levers (MODEL.md 4), like a firm's pricing rule: every {@code reviewEvery} ticks
     * the rule {@code rule} may move the take rate by {@code takeStep}, never above {@code maxTakeRate}, and the
     * subsidy down by {@code subsidyStep}; the lifecycle rule starts doing so once the share of consumers who are
     * members reaches {@code memberThreshold} or the listed sellers reach {@code sellerThreshold} (0: listings do
     * not count).
     */
    public record FeeRule(FeeRuleName rule, int reviewEvery, double takeStep, double maxTakeRate, double subsidyStep,
                          double memberThreshold, int sellerThreshold) {
    }
}
