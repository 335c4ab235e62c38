package marketsim.core.firm;

import java.util.function.DoubleSupplier;

/**
 * What a firm knows at a review, from the period just ended (a frozen view shared by all firms).
 *
 * @param occasions            purchase occasions in the market over the period
 * @param meanPriceSensitivitySource population mean of alpha (after teaching), the fallback demand model: a pass
 *                             over every consumer, so computed only when a firm asks ({@link #meanPriceSensitivity})
 * @param markupStep           hill-climbing step in markup
 * @param demand               the logit demand firms faced over the period (null when no firm
 *                             prices by best response)
 * @param priceAdjustment      share of the gap to the best-response price closed per review
 */
public record ReviewContext(double occasions, DoubleSupplier meanPriceSensitivitySource, double markupStep,
                            DemandSlopes demand, double priceAdjustment) {
    /** Population mean of alpha (after teaching), computed on the first call of the review and kept. */
    public double meanPriceSensitivity() {
        return meanPriceSensitivitySource.getAsDouble();
    }
}
