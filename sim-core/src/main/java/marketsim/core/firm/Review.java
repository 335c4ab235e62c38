package marketsim.core.firm;

import java.util.List;
import java.util.function.DoubleSupplier;

import marketsim.core.config.DynamicsConfig;
import marketsim.core.ledger.Ledger;

/**
 * The adaptation review, every {@code reviewEvery} ticks from tick {@code reviewEvery} on
 * (MODEL.md 3; ODD 7.9), on the period just ended, a frozen view: each firm in the market's
 * pricing rule learns ({@link PricingRule#review}) and its exit is checked (cash negative at
 * {@code exitAfter} consecutive reviews); then imitation ({@link Imitation}); then range expansion, in a market
 * that keeps wallets ({@link RangeExpansion}); then every firm starts a new period, and the demand best-response pricers record starts afresh.
 */
public final class Review {
    private final List<Firm> firms;
    private final DynamicsConfig.Adaptation config;
    private final Ledger ledger;
    private final Imitation imitation;
    private final DemandSlopes demand;
    private final RangeExpansion ranges;

    /** @param demand the demand firms face, for best-response pricing; null when no firm prices that way */
    public Review(List<Firm> firms, DynamicsConfig.Adaptation config, Ledger ledger, Imitation imitation,
                  DemandSlopes demand) {
        this(firms, config, ledger, imitation, demand, null);
    }

    /** @param ranges what firms extending their range learn of their customers' needs; null in a market without */
    public Review(List<Firm> firms, DynamicsConfig.Adaptation config, Ledger ledger, Imitation imitation,
                  DemandSlopes demand, RangeExpansion ranges) {
        this.ranges = ranges;
        this.firms = firms;
        this.config = config;
        this.ledger = ledger;
        this.imitation = imitation;
        this.demand = demand;
    }

    /** Whether tick {@code tick} starts with a review. */
    public boolean due(int tick) {
        return tick > 0 && tick % config.reviewEvery() == 0;
    }

    /**
     * Reviews the period just ended.
     *
     * @param occasions            purchase occasions in the market over the period
     * @param meanPriceSensitivity the population's mean price sensitivity after teaching: asked for only by a firm
     *                             that needs it, at most once
     */
    public void run(double occasions, DoubleSupplier meanPriceSensitivity) {
        ReviewContext context = new ReviewContext(occasions, new Once(meanPriceSensitivity), config.markupStep(),
                demand, config.priceAdjustment());
        if (demand != null) {
            demand.prepare(firms);
        }
        for (Firm firm : firms) {
            if (firm.active()) {
                firm.review(context, ledger.balance(Ledger.firmAccount(firm.index())), config.exitAfter());
            }
        }
        imitation.imitate(firms);
        if (ranges != null) {
            ranges.expand(firms);
        }
        for (Firm firm : firms) {
            firm.startPeriod();
        }
        if (demand != null) {
            demand.reset();
        }
    }

    /** A value computed on its first use and kept: the review's frozen view, without a pass nobody reads. */
    private static final class Once implements DoubleSupplier {
        private final DoubleSupplier source;
        private boolean known;
        private double value;

        Once(DoubleSupplier source) {
            this.source = source;
        }

        @Override
        public double getAsDouble() {
            if (!known) {
                value = source.getAsDouble();
                known = true;
            }
            return value;
        }
    }
}
