package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.results.experiment.Summaries;
import marketsim.scenario.Scenario;

/**
 * Customer lifetime value on a cohort with constant retention (Gupta and Lehmann 2003): with two
 * firms, no loyalty and no outside option, a customer of firm j buys from it again each tick with
 * the constant probability {@code r = s_j} (its logit share) and is lost to the rival otherwise;
 * each retained tick earns the margin {@code m = p_j - c_j}. The discounted value of a customer
 * until it is lost is {@code m r / (1 + i - r)}. The model measures m and r from its own counts
 * (margin per customer-tick, lost customers per customer-tick), so this checks those counts and
 * the formula against the closed form.
 *
 * <p>Then the same market with lapse (MODEL.md 6: a customer who buys nothing for a window counts
 * as lost, as one who switches does): consumers shop on a tick with probability {@code lambda} and a
 * customer lapses after one tick without a purchase, so it stays only by buying from j again on the
 * next tick, {@code r = lambda s_j}, and each such tick earns {@code m = p_j - c_j}.
 */
final class LifetimeValueCheck extends LabCheck {
    static final int TICKS = 12;
    static final int WINDOW = 10;
    static final double STANDARD_ERRORS = 4.5;
    /** Purchase probability per tick in the lapse part: half the customers lapse each tick they do not shop. */
    static final double LAMBDA = 0.5;

    LifetimeValueCheck() {
        super("customer-lifetime-value",
                "Customer lifetime value m r / (1 + i - r) under constant retention, with and without lapse",
                "Gupta and Lehmann (2003), J. Interactive Marketing 17(1); MODEL.md 6: CLV = m r / (1 + i - r), "
                        + "here r = s_j and m = p_j - c_j; with purchase probability lambda and a lapse window of one "
                        + "tick, r = lambda s_j (overrides population.segments[everyone].purchase_probability=0.5, "
                        + "metrics.lapse_window=1)",
                STANDARD_ERRORS + " standard errors of the measured value (binomial error of r over the customer-ticks, "
                        + "carried through dCLV/dr = m (1 + i) / (1 + i - r)^2): a false alarm about once in 150,000");
    }

    @Override
    public List<String> settings(Budget budget) {
        return consumers(budget.consumers(), "horizon=" + TICKS, "metrics.summary_window=" + WINDOW,
                "population.outside_utility=-100", "firms[premium].unit_cost=100000");
    }

    /** The lapse part: consumers shop with probability {@link #LAMBDA}; a tick without a purchase is a lapse. */
    static List<String> lapseSettings(Budget budget) {
        List<String> settings = new ArrayList<>(new LifetimeValueCheck().settings(budget));
        settings.add("population.segments[everyone].purchase_probability=" + LAMBDA);
        settings.add("metrics.lapse_window=1");
        return settings;
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<Result> out = new ArrayList<>();
        out.addAll(cohort(budget, lab, faults, settings(budget), 1, ""));
        out.addAll(cohort(budget, lab, faults, lapseSettings(budget), LAMBDA, ", lapsing after a tick without a purchase"));
        return out;
    }

    /** Both firms' CLV, measured and in theory, with purchase probability {@code lambda} (r = lambda s_j). */
    private List<Result> cohort(Budget budget, Lab lab, List<String> faults, List<String> settings, double lambda,
                                String label) throws Exception {
        Scenario base = lab.scenario(settings);
        LabMarket theory = LabMarket.of(base);
        double discount = base.config().discountRatePerTick();
        double[] s = theory.shares();
        RunRecord run = lab.runOnce(settings, faults);
        int to = run.ticksRecorded();
        double[][] values = Summaries.metricValues(run.entities(), run.window(to - WINDOW, to), discount);
        List<Result> out = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            FirmConfig firm = base.config().firms().get(j);
            double r = lambda * s[j];
            double m = theory.price()[j] - firm.unitCost();
            double expected = m * r / (1 + discount - r);
            double customerTicks = budget.consumers() * (double) WINDOW * r;
            double se = Math.sqrt(r * (1 - r) / customerTicks) * m * (1 + discount) / Math.pow(1 + discount - r, 2);
            double measured = values[j][Metric.CLV.ordinal()];
            out.add(Result.within(id(), "lifetime value of a customer of " + firm.name() + label,
                    lambda == 1 ? "m r / (1 + i - r)" : "m r / (1 + i - r), r = lambda s_j",
                    expected, measured, measured - 1.96 * se, measured + 1.96 * se, STANDARD_ERRORS * se));
        }
        return out;
    }
}
