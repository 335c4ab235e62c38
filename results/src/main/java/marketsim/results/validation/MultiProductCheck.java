package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Multi-product logit Bertrand-Nash markups: a firm that owns several products (as the platform
 * owns its private label) sets one markup on all of them, {@code 1 / (alpha (1 - S_owner))} with
 * {@code S_owner} the owner's total share, while a single-product rival keeps
 * {@code 1 / (alpha (1 - s_j))}. In the laboratory "cheap" and "premium" share an owner.
 */
final class MultiProductCheck extends LabCheck {
    static final String OWNER = "conglomerate";
    static final int[] OWNED = {0, 2};

    MultiProductCheck() {
        super("multi-product-markups",
                "A multi-product owner puts one markup 1 / (alpha (1 - S_owner)) on all its products",
                "Anderson, de Palma and Thisse (1992) 7.7; Berry, Levinsohn and Pakes (1995): the multi-product "
                        + "logit first-order conditions",
                (int) (100 * NashCheck.RELATIVE) + "% of each price, as for single-product markups; pricing the owned "
                        + "products separately misses their prices by about 6% (their markups by over 20%)");
    }

    @Override
    public List<String> settings(Budget budget) {
        List<String> s = new ArrayList<>(new NashCheck().settings(budget));
        s.add("firms[cheap].owner=" + OWNER);
        s.add("firms[premium].owner=" + OWNER);
        return s;
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        Scenario base = lab.scenario(settings);
        LabMarket theory = LabMarket.of(base);
        List<FirmConfig> firms = base.config().firms();
        int n = firms.size();
        double[] cost = new double[n];
        for (int j = 0; j < n; j++) {
            cost[j] = firms.get(j).unitCost();
        }
        double[] p = cost.clone();
        for (int it = 0; it < NashCheck.ITERATIONS; it++) {
            double[] s = theory.shares(p);
            double owned = 0;
            for (int j : OWNED) {
                owned += s[j];
            }
            for (int j = 0; j < n; j++) {
                boolean isOwned = j == OWNED[0] || j == OWNED[1];
                p[j] = cost[j] + 1 / (theory.alpha() * (1 - (isOwned ? owned : s[j])));
            }
        }
        RunRecord run = lab.runOnce(settings, faults);
        List<Result> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            boolean isOwned = j == OWNED[0] || j == OWNED[1];
            out.add(Result.within(id(), (isOwned ? "price of an owned product: " : "price of the rival: ")
                    + firms.get(j).name(), isOwned ? "c_j + 1 / (alpha (1 - S_owner))" : "c_j + 1 / (alpha (1 - s_j))",
                    p[j], Measure.lastPrice(run, j), Double.NaN, Double.NaN, NashCheck.RELATIVE * p[j]));
        }
        return out;
    }
}
