package marketsim.core.firm;

/**
 * Best-response pricing on logit demand. At each review the firm takes the price that maximizes its
 * profit on the demand it faced since the last review ({@link DemandSlopes}: from every occasion's choice
 * probabilities, jointly with the other products of its owner, each unit's margin what the seller keeps of
 * the price in its channel less unit cost and per-unit fees), and moves its price {@code priceAdjustment}
 * of the way there. With homogeneous consumers, a single-product firm in one channel with commission
 * {@code tau} and per-unit fee {@code f} prices at {@code (c + f) / (1 - tau) + 1 / (alpha (1 - s))};
 * iterated by all firms, prices converge to the (fee-aware) Bertrand-Nash equilibrium (on Salop's circle,
 * with little noise, to {@code c + t / n}). Without demand information (no occasions offered it) it uses
 * {@code C + 1 / (mean alpha (1 - s))} on its realized share, {@code C} its full unit cost. Until its first
 * review it prices cost-plus on {@code C}.
 */
public final class LogitBestResponse implements PricingRule {
    private double price = Double.NaN;

    @Override
    public double price(Firm firm) {
        return Double.isNaN(price) ? firm.fullUnitCost() * (1 + firm.markup()) : price;
    }

    @Override
    public void review(Firm firm, ReviewContext context) {
        double target = context.demand() == null ? Double.NaN : context.demand().price(firm.index());
        if (!(target > firm.fullUnitCost()) || Double.isInfinite(target)) {
            if (context.occasions() <= 0 || context.meanPriceSensitivity() <= 0) {
                return;
            }
            double share = Math.min(firm.periodUnits() / context.occasions(), 0.999);
            target = firm.fullUnitCost() + 1 / (context.meanPriceSensitivity() * (1 - share));
        }
        double current = price(firm);
        price = current + context.priceAdjustment() * (target - current);
    }
}
