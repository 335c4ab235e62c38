package marketsim.results.validation;

import java.util.List;

import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Consumer surplus is the log-sum (Small and Rosen 1981): with homogeneous consumers, the
 * expected surplus of an occasion is {@code ln(exp(u0) + sum exp(V_j)) / alpha}, the same for
 * every occasion, so the model's consumer surplus per occasion must equal it.
 */
final class LogSumCheck extends LogitLabCheck {
    /** Relative tolerance: the model sums the same number once per occasion in double precision. */
    static final double RELATIVE = 1e-6;

    LogSumCheck() {
        super("log-sum-surplus",
                "Consumer surplus equals the logit log-sum",
                "Small and Rosen (1981); MODEL.md 6: CS = ln(exp(u0) + sum_j exp(V_j)) / alpha per occasion. The model "
                        + "computes each occasion's surplus this way from the utilities it drew from, so this checks its "
                        + "accounting (utilities, prices, alpha and the sum over occasions), not an independent welfare measure",
                "relative 1e-6: the expectation is exact per occasion, so only rounding separates them");
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        LabMarket theory = LabMarket.of(lab.scenario(settings));
        Scenario model = lab.scenario(settings, faults);
        RunRecord run = lab.run(List.of(model), 1)[0][0];
        double[][] total = run.window(0, run.ticksRecorded());
        double[] market = total[total.length - 1];
        double measured = market[Field.CONSUMER_SURPLUS.ordinal()] / market[Field.OCCASIONS.ordinal()];
        double expected = theory.logSum(theory.price());
        return List.of(Result.within(id(), "consumer surplus per occasion", "ln(exp(u0) + sum exp(V_j)) / alpha",
                expected, measured, Double.NaN, Double.NaN, RELATIVE * Math.abs(expected)));
    }
}
