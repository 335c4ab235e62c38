package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Multinomial-logit shares with an outside option (McFadden 1974; MODEL.md 2.1, 6): with
 * homogeneous consumers and fixed prices, each firm's share of purchase occasions, and the share
 * that buys nothing, equal {@code exp(V_j) / (exp(u0) + sum_k exp(V_k))}.
 */
final class LogitSharesCheck extends LogitLabCheck {
    /** Tolerance in binomial standard errors: a false alarm about once in 150,000 comparisons. */
    static final double STANDARD_ERRORS = 4.5;

    LogitSharesCheck() {
        super("logit-shares",
                "Multinomial-logit shares with an outside option",
                "McFadden (1974); MODEL.md 2.1: s_j = exp(V_j) / (exp(u0) + sum_k exp(V_k)), V_j = -alpha p_j + beta q_j",
                STANDARD_ERRORS + " binomial standard errors of a share over all occasions (one run): a false alarm "
                        + "about once in 150,000 comparisons; a missing outside option or a wrong utility term moves shares "
                        + "by many times that");
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        LabMarket theory = LabMarket.of(lab.scenario(settings));
        Scenario model = lab.scenario(Lab.with(settings, faults));
        RunRecord run = lab.run(List.of(model), 1)[0][0];
        double[] expected = theory.shares();
        double[] measured = Measure.shares(run, theory.price().length);
        double occasions = Measure.occasions(run);
        List<Result> out = new ArrayList<>();
        for (int j = 0; j < expected.length; j++) {
            String name = j < theory.price().length ? model.config().firms().get(j).name() : "outside option";
            double se = Math.sqrt(expected[j] * (1 - expected[j]) / occasions);
            out.add(Result.within(id(), "share: " + name, j < theory.price().length
                    ? "exp(V_j) / (exp(u0) + sum exp(V_k))" : "exp(u0) / (exp(u0) + sum exp(V_k))",
                    expected[j], measured[j], measured[j] - 1.96 * se, measured[j] + 1.96 * se, STANDARD_ERRORS * se));
        }
        return out;
    }

}
