package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Independence of irrelevant alternatives: when firm j leaves, its buyers divert to each other
 * alternative k (the outside option too) in proportion to k's share: the diversion ratio is
 * {@code s_k / (1 - s_j)}. The firm "leaves" by pricing itself out (unit cost 10^5), which keeps
 * the firm list, and so the random streams, the same: common random numbers per replication.
 */
final class DiversionCheck extends LogitLabCheck {
    /** The firm that leaves (index in the laboratory: "premium"). */
    static final int LEAVER = 2;
    /** A unit cost that prices a firm out: its utility is below -10^4, its share exactly 0 in doubles. */
    static final double PROHIBITIVE_COST = 100_000;
    static final double STANDARD_ERRORS = 4.5;

    DiversionCheck() {
        super("iia-diversion",
                "Diversion when a firm leaves (independence of irrelevant alternatives)",
                "Luce (1959), McFadden (1974): diversion ratio from j to k = s_k / (1 - s_j)",
                STANDARD_ERRORS + " standard errors, treating the runs with and without the firm as independent "
                        + "binomial samples (they share their seeds, which only narrows the true error): a false alarm rarer "
                        + "than once in 150,000");
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        Scenario base = lab.scenario(settings);
        LabMarket theory = LabMarket.of(base);
        FirmConfig leaver = base.config().firms().get(LEAVER);
        List<String> gone = Lab.with(settings, faults);
        gone.add("firms[" + leaver.name() + "].unit_cost=" + (long) PROHIBITIVE_COST);
        List<Scenario> variants = List.of(lab.scenario(settings, faults), lab.scenario(gone));
        RunRecord[][] runs = lab.run(variants, budget.replications());
        int firms = theory.price().length;
        double n = Measure.occasions(runs[0]);
        double[] before = Measure.pooledShares(runs[0], firms);
        double[] after = Measure.pooledShares(runs[1], firms);
        double[] s = theory.shares();
        List<Result> out = new ArrayList<>();
        for (int k = 0; k <= firms; k++) {
            if (k == LEAVER) {
                continue;
            }
            double measured = (after[k] - before[k]) / before[LEAVER];
            double se = Math.sqrt(Measure.variance(after[k], n) + Measure.variance(before[k], n)) / before[LEAVER];
            String name = k < firms ? base.config().firms().get(k).name() : "outside option";
            out.add(Result.within(id(), "diversion from " + leaver.name() + " to " + name, "s_k / (1 - s_j)",
                    s[k] / (1 - s[LEAVER]), measured, measured - 1.96 * se, measured + 1.96 * se,
                    STANDARD_ERRORS * se));
        }
        return out;
    }
}
