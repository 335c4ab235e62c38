package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.results.Csv;

/**
 * Awareness spreads as a Bass curve (Bass 1969): with only advertising (innovation p: contacts
 * per tick / N) and word of mouth on a well-mixed network (imitation q: talk rate), the share
 * aware of a new firm follows {@code F(t+1) = F(t) + (1 - F(t)) (p + q F(t))}, with
 * p = 0.03 and q = 0.38, the averages of Sultan, Farley and Lehmann's (1990) meta-analysis.
 */
final class BassCheck extends LabCheck {
    static final double P = 0.03;
    static final double Q = 0.38;
    static final int TICKS = 30;
    /** Ticks reported in the table (the largest gap over all ticks is checked too). */
    static final int[] SHOWN = {3, 6, 9, 12, 18};
    /** Ties per consumer: a dense random graph, the well-mixed limit Bass assumes. */
    static final int DEGREE = 100;
    /**
     * Tolerance in the share aware: the agent model's contacts within a tick overlap and its network
     * has finite degree, which the recursion ignores (gaps up to about 0.03 here); sampling error is
     * under 0.005. Halving q, or losing the (1 - F) saturation, misses by 0.1 or more.
     */
    static final double ABSOLUTE = 0.04;

    /** The laboratory's cost per marketing contact (0.05 money) and first firm ("cheap"), read from lab.yaml. */
    static final double COST_PER_CONTACT = 0.05;
    static final String FIRM = "cheap";

    BassCheck() {
        super("bass-diffusion",
                "Awareness follows the Bass diffusion curve",
                "Bass (1969); p = 0.03, q = 0.38: Sultan, Farley and Lehmann (1990): F(t+1) = F(t) + (1 - F(t)) (p + q F(t))",
                "0.04 in the share aware. The model runs systematically a little below the additive recursion, for "
                        + "known reasons: its two hazards are independent events, 1 - (1 - p)(1 - q F) = p + q F - p q F, which "
                        + "alone puts it up to 0.015 lower at mid-diffusion, and each consumer hears from its own neighbours "
                        + "(degree 100) rather than the population share F; together up to about 0.03. Sampling error is "
                        + "under 0.005; halving q or dropping the saturation term misses by 0.1 or more");
    }

    @Override
    public List<String> settings(Budget budget) {
        int n = budget.consumers();
        return consumers(n, "horizon=" + TICKS, "market.cost_per_contact=" + COST_PER_CONTACT,
                "population.segments[everyone].purchase_probability=0",
                "archetypes.product-focused.marketing.initial_awareness=0",
                String.format(Locale.ROOT, "firms[%s].marketing.spend=%s", FIRM, Csv.number(P * n * COST_PER_CONTACT)),
                "word_of_mouth.talk_rate=" + Q, "word_of_mouth.mean_degree=" + DEGREE, "word_of_mouth.rewiring=1");
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        int n = budget.consumers();
        List<String> settings = settings(budget);
        RunRecord run = lab.runOnce(settings, faults);
        double f = 0;
        double worst = 0;
        int worstTick = 0;
        double worstExpected = 0;
        double worstMeasured = 0;
        List<Result> out = new ArrayList<>();
        double[] ticks = new double[TICKS];
        double[] bass = new double[TICKS];
        double[] model = new double[TICKS];
        for (int t = 0; t < TICKS; t++) {
            f += (1 - f) * (P + Q * f);
            double measured = run.entityVectors(t)[0][Field.AWARE.ordinal()] / n;
            ticks[t] = t + 1;
            bass[t] = f;
            model[t] = measured;
            if (Math.abs(measured - f) > worst) {
                worst = Math.abs(measured - f);
                worstTick = t + 1;
                worstExpected = f;
                worstMeasured = measured;
            }
            for (int shown : SHOWN) {
                if (shown == t + 1) {
                    double se = Math.sqrt(measured * (1 - measured) / n);
                    out.add(Result.within(id(), "share aware after " + shown + " ticks", "F(t+1) = F + (1 - F)(p + q F)",
                            f, measured, measured - 1.96 * se, measured + 1.96 * se, ABSOLUTE));
                }
            }
        }
        lab.figure(new Figure(id(), "Awareness of a new web store: the model against the Bass recursion", "tick (week)",
                "share of consumers aware", List.of(new Figure.Line("Bass recursion (p = 0.03, q = 0.38)", true, ticks,
                        bass), new Figure.Line("model", false, ticks, model))));
        out.add(Result.within(id(), "largest gap (tick " + worstTick + ")", "F(t+1) = F + (1 - F)(p + q F)",
                worstExpected, worstMeasured, Double.NaN, Double.NaN, ABSOLUTE));
        return out;
    }
}
