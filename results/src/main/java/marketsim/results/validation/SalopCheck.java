package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.core.config.FirmConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Prices on Salop's circle (Salop 1979): n firms equally spaced on the taste circle, consumers
 * uniform on it with mismatch cost t per unit of distance, everyone buying: best-response prices
 * converge to {@code p = c + t / (alpha n)} (t / alpha: the mismatch cost in money). The model's
 * choice keeps its logit noise (one util), so the laboratory makes the mismatch large against it
 * (t = 40 utils, n = 3): the logit-on-the-circle equilibrium then differs from Salop's price by
 * under 0.01% (computed numerically on a fine taste grid).
 */
final class SalopCheck extends LabCheck {
    static final double MISMATCH = 40;
    static final double ALPHA = 1;
    static final double COST = 10;
    static final int TICKS = 60;
    /**
     * Tolerance, a share of the markup: a finite population's tastes are a sample, so the share of
     * consumers near each boundary, which sets the demand slope, varies by about
     * 1 / sqrt(consumers near it) (about 1% at 50,000 consumers); 3% keeps false alarms rare. A
     * pricing rule blind to the marginal consumers (the homogeneous 1 / (alpha (1 - s)) rule gives
     * a markup of 1.5 here) misses by 90%.
     */
    static final double RELATIVE = 0.03;

    SalopCheck() {
        super("salop-prices",
                "Best-response prices on Salop's circle: p = c + t / n",
                "Salop (1979); logit on the circle: Anderson, de Palma and Thisse (1992) ch. 6: p = c + t / (alpha n)",
                (int) (100 * RELATIVE) + "% of the markup: sampling of a finite population's tastes moves the demand "
                        + "slope by about 1%; the logit noise moves the equilibrium by under 0.01% at this mismatch cost");
    }

    @Override
    public List<String> settings(Budget budget) {
        List<String> s = new ArrayList<>(consumers(budget.consumers(), "horizon=" + TICKS,
                "archetypes.product-focused.pricing=best-response", "population.outside_utility=-100",
                "population.segments[everyone].price_sensitivity=" + ALPHA,
                "population.segments[everyone].mismatch_cost=" + MISMATCH,
                "population.segments[everyone].quality_weight=0"));
        String[] names = {"cheap", "middle", "premium"};
        for (int j = 0; j < names.length; j++) {
            s.add(String.format(Locale.ROOT, "firms[%s].position=%.12f", names[j], (double) j / names.length));
            s.add("firms[" + names[j] + "].unit_cost=" + (int) COST);
        }
        return s;
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        Scenario base = lab.scenario(settings);
        List<FirmConfig> firms = base.config().firms();
        double expected = COST + MISMATCH / (ALPHA * firms.size());
        RunRecord run = lab.runOnce(settings, faults);
        Figure paths = NashCheck.pricePaths(id(), "Best-response prices on Salop's circle converge to c + t / (alpha n)",
                run, firms, new double[firms.size()]);
        List<Figure.Line> lines = new ArrayList<>();
        for (Figure.Line line : paths.lines()) {
            if (!line.theory()) {
                lines.add(line);
            }
        }
        lines.add(new Figure.Line("theory: c + t / (alpha n), every firm", true, new double[] {1, TICKS},
                new double[] {expected, expected}));
        lab.figure(new Figure(id(), paths.title(), paths.xLabel(), paths.yLabel(), lines));
        List<Result> out = new ArrayList<>();
        for (int j = 0; j < firms.size(); j++) {
            out.add(Result.within(id(), "price: " + firms.get(j).name(), "c + t / (alpha n)", expected,
                    Measure.lastPrice(run, j), Double.NaN, Double.NaN, RELATIVE * (expected - COST)));
        }
        return out;
    }
}
