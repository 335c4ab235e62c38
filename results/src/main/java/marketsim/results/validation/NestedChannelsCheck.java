package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * A product in two channels is one nested-logit alternative (MODEL.md 2.1 and 6): "middle" sells the same product
 * direct and on the platform (equal affinities, no fees, every result examined), "cheap" and "premium" direct only.
 * For each channel dissimilarity {@code lambda} the model's shares of occasions must match the closed form
 * {@link ChannelChoice}: middle's product share {@code exp(I) / (exp(u0) + sum exp(I_k))} with
 * {@code I = V + lambda ln 2}, half of it on the platform; the rivals' and the outside option's shares fall as
 * lambda rises; consumer surplus is the nested log-sum.
 */
final class NestedChannelsCheck extends LabCheck {
    /** The dissimilarities run: near perfect substitutes, the default, and plain logit. */
    static final double[] LAMBDAS = {0.25, 0.5, 1};
    static final String TWO_CHANNELS = "middle";

    NestedChannelsCheck() {
        super("nested-channel-shares",
                "A product sold in two channels is one nested-logit alternative",
                "McFadden (1978); MODEL.md 2.1 and 6: I_j = lambda ln sum_c exp(V_jc / lambda), s_j = exp(I_j) / "
                        + "(exp(u0) + sum_k exp(I_k)), s_jc = s_j exp(V_jc / lambda) / sum_c' exp(V_jc' / lambda), "
                        + "CS = ln(exp(u0) + sum_k exp(I_k)) / alpha; computed here from the configuration",
                LogitSharesCheck.STANDARD_ERRORS + " binomial standard errors of each share (one run per lambda), as for "
                        + "the logit shares; the surplus to relative 1e-6 (exact per occasion). Channels as independent "
                        + "alternatives (lambda = 1 in the model) give middle 0.424 of occasions where lambda = 0.25 "
                        + "gives 0.305, about 180 standard errors off");
    }

    @Override
    public List<String> settings(Budget budget) {
        return List.of("population.size=" + budget.consumers(), "horizon=" + LogitLabCheck.TICKS,
                "firms[" + TWO_CHANNELS + "].channels.platform=true", "platform.take_rate=0",
                "platform.fulfilment_fee=0", "platform.listing_fee=0", "platform.review_every=1000",
                "platform.membership.initial_share=1", "platform.membership.leave_rate=0",
                "platform.ranking.sponsored_slots=0", "platform.ranking.examination_decay=0");
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        List<Scenario> variants = new ArrayList<>();
        List<ChannelChoice> theories = new ArrayList<>();
        for (double lambda : LAMBDAS) {
            List<String> variant = Lab.with(settings, List.of("market.channel_dissimilarity=" + lambda));
            theories.add(ChannelChoice.of(lab.scenario(variant)));
            variants.add(lab.scenario(variant, faults));
        }
        RunRecord[][] runs = lab.run(variants, 1);
        List<String> names = variants.get(0).config().firms().stream().map(f -> f.name()).toList();
        int n = names.size();
        int two = names.indexOf(TWO_CHANNELS);
        List<Result> out = new ArrayList<>();
        double[] modelTwo = new double[LAMBDAS.length];
        double[] modelOutside = new double[LAMBDAS.length];
        for (int v = 0; v < LAMBDAS.length; v++) {
            ChannelChoice theory = theories.get(v);
            double[][] expected = theory.shares(theory.logit().price());
            RunRecord run = runs[v][0];
            double[] measured = Measure.shares(run, n);
            double occasions = Measure.occasions(run);
            String at = " (lambda " + LAMBDAS[v] + ")";
            for (int j = 0; j <= n; j++) {
                double share = j < n ? expected[j][0] + expected[j][1] : expected[n][0];
                String name = j == n ? "outside option" : names.get(j) + (j == two ? ", both channels" : "");
                out.add(within("share: " + name + at, j == two ? "exp(I_j) / (exp(u0) + sum exp(I_k))"
                        : j == n ? "exp(u0) / (exp(u0) + sum exp(I_k))" : "exp(V_j) / (exp(u0) + sum exp(I_k))",
                        share, measured[j], occasions));
            }
            out.add(within("share: " + TWO_CHANNELS + " on the platform" + at, "s_j P(platform | j)",
                    expected[two][1], Measure.channelShare(run, two, Field.PLATFORM_UNITS), occasions));
            double logSum = theory.logSum(theory.logit().price());
            out.add(Result.within(id(), "consumer surplus per occasion" + at, "ln(exp(u0) + sum exp(I_k)) / alpha",
                    logSum, Measure.surplusPerOccasion(run), Double.NaN, Double.NaN,
                    LogSumCheck.RELATIVE * Math.abs(logSum)));
            modelTwo[v] = measured[two];
            modelOutside[v] = measured[n];
        }
        lab.figure(figure(theories.get(0), two, modelTwo, modelOutside));
        return out;
    }

    private Result within(String quantity, String formula, double expected, double measured, double occasions) {
        double se = Math.sqrt(Measure.variance(expected, occasions));
        return Result.within(id(), quantity, formula, expected, measured, measured - 1.96 * se, measured + 1.96 * se,
                LogitSharesCheck.STANDARD_ERRORS * se);
    }

    /** The two-channel product's share and the outside option's against lambda: theory as lines, the model as points. */
    private Figure figure(ChannelChoice at, int two, double[] modelTwo, double[] modelOutside) {
        int points = 40;
        double[] x = new double[points];
        double[] twoTheory = new double[points];
        double[] outsideTheory = new double[points];
        int n = at.direct().length;
        for (int i = 0; i < points; i++) {
            x[i] = (i + 1.0) / points;
            ChannelChoice c = new ChannelChoice(at.logit(), x[i], at.direct(), at.onPlatform(), at.aDirect(),
                    at.aPlatform());
            double[][] s = c.shares(at.logit().price());
            twoTheory[i] = s[two][0] + s[two][1];
            outsideTheory[i] = s[n][0];
        }
        return new Figure(id(), "A second channel adds 2^lambda - 1 to a product's weight, not 1", "lambda (channel "
                + "dissimilarity)", "share of occasions", List.of(
                new Figure.Line(TWO_CHANNELS + " (two channels): theory", true, x, twoTheory),
                new Figure.Line(TWO_CHANNELS + " (two channels): model", false, LAMBDAS, modelTwo),
                new Figure.Line("outside option: theory", true, x, outsideTheory),
                new Figure.Line("outside option: model", false, LAMBDAS, modelOutside)));
    }
}
