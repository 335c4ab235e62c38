package marketsim.core.firm;

/**
 * What a firm knows at a review, from the period just ended (a frozen view shared by all firms).
 *
 * @param occasions purchase occasions in the market over the period
 * @param meanPriceSensitivity population mean of alpha (after teaching), the firms' demand model
 * @param markupStep hill-climbing step in markup
 */
public record ReviewContext(double occasions, double meanPriceSensitivity, double markupStep) {
}
