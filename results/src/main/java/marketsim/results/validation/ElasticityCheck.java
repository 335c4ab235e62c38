package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.core.config.FirmConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Logit price elasticities (Train 2009, ch. 3): raising firm j's price moves its own share with
 * elasticity {@code -alpha p_j (1 - s_j)} and every other alternative's (the outside option too)
 * with the cross elasticity {@code alpha p_j s_j}, the same for all: the mark of IIA. Measured by
 * a central difference (price x (1 +- h)) on common random numbers, shares pooled over
 * replications.
 */
final class ElasticityCheck extends LogitLabCheck {
    /** Relative price step of the central difference: its bias is about (alpha p h)^2 / 6, under 0.3% here. */
    static final double STEP = 0.02;
    /** The firm whose price moves (index in the laboratory: "middle"). */
    static final int FIRM = 1;
    /** Tolerance: this many standard errors ... */
    static final double STANDARD_ERRORS = 4.5;
    /** ... plus this share of the expected elasticity for the central difference's bias. */
    static final double BIAS_ALLOWANCE = 0.01;

    ElasticityCheck() {
        super("price-elasticities",
                "Own- and cross-price elasticities of logit demand",
                "Train (2009) Discrete Choice Methods, 3.6: own -alpha p_j (1 - s_j), cross alpha p_j s_j",
                STANDARD_ERRORS + " standard errors plus " + (int) (100 * BIAS_ALLOWANCE) + "% for the central "
                        + "difference's bias (under 0.3% here); the standard error treats the runs above and below the price "
                        + "as independent binomial samples, which overstates it (common random numbers correlate them), so "
                        + "a false alarm is rarer than once in 150,000");
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        Scenario base = lab.scenario(settings);
        LabMarket theory = LabMarket.of(base);
        FirmConfig firm = base.config().firms().get(FIRM);
        List<Scenario> variants = new ArrayList<>();
        for (double factor : new double[] {1, 1 + STEP, 1 - STEP}) {
            double markup = (1 + firm.markup()) * factor - 1;
            List<String> v = Lab.with(settings, faults);
            v.add(String.format(Locale.ROOT, "firms[%s].markup=%.12f", firm.name(), markup));
            variants.add(lab.scenario(v));
        }
        RunRecord[][] runs = lab.run(variants, budget.replications());
        int firms = theory.price().length;
        double n = Measure.occasions(runs[0]);
        double[] mid = Measure.pooledShares(runs[0], firms);
        double[] up = Measure.pooledShares(runs[1], firms);
        double[] down = Measure.pooledShares(runs[2], firms);
        double[] s = theory.shares();
        double p = theory.price()[FIRM];
        List<Result> out = new ArrayList<>();
        for (int k = 0; k <= firms; k++) {
            double measured = (up[k] - down[k]) / mid[k] / (2 * STEP);
            double se = Math.sqrt(Measure.variance(up[k], n) + Measure.variance(down[k], n)) / mid[k] / (2 * STEP);
            boolean own = k == FIRM;
            double expected = own ? -theory.alpha() * p * (1 - s[FIRM]) : theory.alpha() * p * s[FIRM];
            String name = k < firms ? base.config().firms().get(k).name() : "outside option";
            out.add(Result.within(id(), (own ? "own elasticity: " : "cross elasticity: ") + name + " to "
                    + firm.name() + "'s price", own ? "-alpha p_j (1 - s_j)" : "alpha p_j s_j", expected, measured,
                    measured - 1.96 * se, measured + 1.96 * se,
                    STANDARD_ERRORS * se + BIAS_ALLOWANCE * Math.abs(expected)));
        }
        return out;
    }
}
