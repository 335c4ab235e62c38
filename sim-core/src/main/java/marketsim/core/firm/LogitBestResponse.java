package marketsim.core.firm;

/**
 * Best-response pricing on logit demand. At each review the firm takes the markup that maximizes
 * its profit on the demand it faced since the last review ({@link DemandSlopes}: from every
 * occasion's choice probabilities, jointly with the other products of its owner), and moves its
 * price {@code priceAdjustment} of the way there. With homogeneous consumers and single-product
 * firms the markup is {@code 1 / (alpha (1 - s))}; iterated by all firms, prices converge to the
 * Bertrand-Nash equilibrium (on Salop's circle, with little noise, to {@code c + t / n}). Without
 * demand information (no occasions yet) it uses {@code 1 / (mean alpha (1 - s))} on its realized
 * share. Until its first review it prices cost-plus.
 */
public final class LogitBestResponse implements PricingRule {
    private double price = Double.NaN;

    @Override
    public double price(Firm firm) {
        return Double.isNaN(price) ? firm.unitCost() * (1 + firm.markup()) : price;
    }

    @Override
    public void review(Firm firm, ReviewContext context) {
        double markup = context.demand() == null ? Double.NaN : context.demand().markup(firm.index());
        if (!(markup > 0) || Double.isInfinite(markup)) {
            if (context.occasions() <= 0 || context.meanPriceSensitivity() <= 0) {
                return;
            }
            double share = Math.min(firm.periodUnits() / context.occasions(), 0.999);
            markup = 1 / (context.meanPriceSensitivity() * (1 - share));
        }
        double target = firm.unitCost() + markup;
        double current = price(firm);
        price = current + context.priceAdjustment() * (target - current);
    }
}
