package marketsim.core.firm;

/**
 * Logit best response for a single-product firm: with demand share {@code s} of all purchase
 * occasions and price sensitivity {@code alpha}, profit {@code (p - c) s(p)} is maximal at
 * {@code p = c + 1 / (alpha (1 - s))}. At each review the firm sets that price from its share of
 * the last period's occasions and the population's mean alpha; iterated by all firms, prices
 * converge to the Bertrand-Nash equilibrium. Until its first review it prices cost-plus.
 */
public final class LogitBestResponse implements PricingRule {
    private double price = Double.NaN;

    @Override
    public double price(Firm firm) {
        return Double.isNaN(price) ? firm.unitCost() * (1 + firm.markup()) : price;
    }

    @Override
    public void review(Firm firm, ReviewContext context) {
        if (context.occasions() <= 0 || context.meanPriceSensitivity() <= 0) {
            return;
        }
        double share = Math.min(firm.periodUnits() / context.occasions(), 0.999);
        price = firm.unitCost() + 1 / (context.meanPriceSensitivity() * (1 - share));
    }
}
