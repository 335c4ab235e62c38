package marketsim.core.firm;

/**
 * What a firm knows at a review, from the period just ended (a frozen view shared by all firms).
 *
 * @param occasions            purchase occasions in the market over the period
 * @param meanPriceSensitivity population mean of alpha (after teaching), the fallback demand model
 * @param markupStep           hill-climbing step in markup
 * @param demand               the logit demand firms faced over the period (null when no firm
 *                             prices by best response)
 * @param priceAdjustment      share of the gap to the best-response price closed per review
 */
public record ReviewContext(double occasions, double meanPriceSensitivity, double markupStep, DemandSlopes demand,
                            double priceAdjustment) {
}
