package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Single-product logit Bertrand-Nash prices (Anderson, de Palma and Thisse 1992): when every firm
 * prices by best response, prices converge to {@code p_j = c_j + 1 / (alpha (1 - s_j))}, the
 * shares taken at those prices; the equilibrium is computed independently by iterating best
 * responses on the closed-form shares. Also checks the log-sum surplus at the equilibrium.
 */
final class NashCheck extends LabCheck {
    /** Ticks: reviews every 2 ticks reach the fixed point well before (contraction factor about 0.3 a review). */
    static final int TICKS = 60;
    /** Fixed-point iterations of the closed-form best responses: far past convergence to double precision. */
    static final int ITERATIONS = 10_000;
    /**
     * Tolerance, as a share of the price: firms estimate their share from one review's occasions
     * (standard error about 0.003 at 20,000 occasions), which moves a markup by about 0.1%; a wrong
     * markup formula (the monopoly 1 / alpha, or ignoring the outside option) misses by 10% or more.
     */
    static final double RELATIVE = 0.01;

    NashCheck() {
        super("nash-markups",
                "Best-response prices converge to the logit Bertrand-Nash markups",
                "Anderson, de Palma and Thisse (1992) ch. 7; MODEL.md 6: p_j - c_j = 1 / (alpha (1 - s_j)). The pricing "
                        + "rule solves the first-order conditions on the demand and slopes it accumulated from the occasions; "
                        + "the check shows that this accounting and the iteration reach the closed-form equilibrium, computed "
                        + "here independently of the model",
                (int) (100 * RELATIVE) + "% of each price: share estimation noise moves markups by about 0.1%; a wrong "
                        + "markup formula misses by 10% or more");
    }

    /** Each firm's price by tick (the model) and its equilibrium price (theory, a flat line). */
    static Figure pricePaths(String check, String title, RunRecord run, List<FirmConfig> firms, double[] theory) {
        int ticks = run.ticksRecorded();
        double[] x = new double[ticks];
        for (int t = 0; t < ticks; t++) {
            x[t] = t + 1;
        }
        List<Figure.Line> lines = new ArrayList<>();
        for (int j = 0; j < firms.size(); j++) {
            double[] y = new double[ticks];
            for (int t = 0; t < ticks; t++) {
                double[] f = run.entityVectors(t)[j];
                y[t] = f[Field.REVENUE.ordinal()] / f[Field.UNITS.ordinal()];
            }
            lines.add(new Figure.Line(firms.get(j).name() + ": model", false, x, y));
            lines.add(new Figure.Line(firms.get(j).name() + ": theory", true, new double[] {1, ticks},
                    new double[] {theory[j], theory[j]}));
        }
        return new Figure(check, title, "tick (week)", "price (money per unit)", lines);
    }

    @Override
    public List<String> settings(Budget budget) {
        return consumers(budget.consumers(), "horizon=" + TICKS,
                "archetypes.product-focused.pricing=best-response");
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        Scenario base = lab.scenario(settings);
        LabMarket theory = LabMarket.of(base);
        List<FirmConfig> firms = base.config().firms();
        double[] cost = new double[firms.size()];
        for (int j = 0; j < cost.length; j++) {
            cost[j] = firms.get(j).unitCost();
        }
        double[] nash = theory.nash(cost, ITERATIONS);
        RunRecord run = lab.runOnce(settings, faults);
        lab.figure(pricePaths(id(), "Best-response prices converge to the Bertrand-Nash prices", run, firms, nash));
        List<Result> out = new ArrayList<>();
        for (int j = 0; j < cost.length; j++) {
            out.add(Result.within(id(), "price: " + firms.get(j).name(), "c_j + 1 / (alpha (1 - s_j))", nash[j],
                    Measure.lastPrice(run, j), Double.NaN, Double.NaN, RELATIVE * nash[j]));
        }
        double[] market = run.entityVectors(TICKS - 1)[run.entities().size() - 1];
        double surplus = market[Field.CONSUMER_SURPLUS.ordinal()] / market[Field.OCCASIONS.ordinal()];
        double expected = theory.logSum(nash);
        out.add(Result.within(id(), "consumer surplus per occasion at the equilibrium",
                "ln(exp(u0) + sum exp(V_j(p*))) / alpha", expected, surplus, Double.NaN, Double.NaN,
                RELATIVE * Math.abs(expected)));
        return out;
    }
}
