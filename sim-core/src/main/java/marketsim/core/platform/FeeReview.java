package marketsim.core.platform;

/**
 * What the platform knows at a fee review, from the period just ended.
 *
 * @param profit         the platform's profit over the period: the change in its cash (money)
 * @param previousProfit the same over the period before, or NaN at the first review
 * @param memberShare    share of consumers who are members now
 * @param listedSellers  sellers listed now, the private label included
 */
public record FeeReview(double profit, double previousProfit, double memberShare, int listedSellers) {
}
