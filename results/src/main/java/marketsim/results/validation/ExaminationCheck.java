package marketsim.results.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Shares under position bias (MODEL.md 2.1 and 6): the three laboratory firms sell only on the platform, which shows
 * them in order of relevance (their utility for the reference consumer); a member examines rank r with probability
 * {@code e_r = r^-eta}, independently, and chooses among what it examined. The expected share of each firm and of the
 * outside option, and the expected consumer surplus, are the averages over the {@code 2^3} examined sets
 * ({@link ChannelChoice#underExamination}).
 */
final class ExaminationCheck extends LabCheck {
    /** eta of the check: e = 1, 1/2, 1/3, the default's vector. */
    static final double ETA = 1;
    static final int RESULTS = 3;

    ExaminationCheck() {
        super("examination-shares",
                "Shares under a given examination-probability vector",
                "Richardson, Dominowska and Ragno (2007), Craswell et al. (2008): the position-based model; MODEL.md 2.1 "
                        + "and 6: E[s_j] = sum over examined sets X of prod_r (e_r or 1 - e_r) exp(V_j) 1[j in X] / (exp(u0) "
                        + "+ sum_{k in X} exp(V_k)), e_r = r^-eta, computed here from the configuration",
                LogitSharesCheck.STANDARD_ERRORS + " binomial standard errors of each share (one run); the surplus to "
                        + LogitSharesCheck.STANDARD_ERRORS + " standard errors of its mean over occasions (the examined set "
                        + "varies). Every result examined (eta = 0 in the model) gives the second result 0.269 of "
                        + "occasions where theory gives 0.140, about 260 standard errors off");
    }

    @Override
    public List<String> settings(Budget budget) {
        List<String> s = new ArrayList<>(List.of("population.size=" + budget.consumers(),
                "horizon=" + LogitLabCheck.TICKS, "platform.take_rate=0", "platform.fulfilment_fee=0",
                "platform.listing_fee=0", "platform.review_every=1000", "platform.membership.initial_share=1",
                "platform.membership.leave_rate=0", "platform.ranking.sponsored_slots=0",
                "platform.ranking.results=" + RESULTS, "platform.ranking.examination_decay=" + (int) ETA));
        for (String firm : List.of("cheap", "middle", "premium")) {
            s.add("firms[" + firm + "].channels.direct=false");
            s.add("firms[" + firm + "].channels.platform=true");
        }
        return s;
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        Scenario base = lab.scenario(settings);
        ChannelChoice theory = ChannelChoice.of(base);
        double[] price = theory.logit().price();
        int n = price.length;
        // The platform ranks by relevance for the reference consumer: here each firm's utility V_j.
        int[] ranking = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(j -> -(-theory.logit().alpha() * price[j]
                        + theory.logit().beta() * theory.logit().quality()[j])))
                .mapToInt(Integer::intValue).toArray();
        double[] e = new double[RESULTS];
        for (int r = 0; r < RESULTS; r++) {
            e[r] = Math.pow(r + 1, -ETA);
        }
        ChannelChoice.Expectation expected = theory.underExamination(price, ranking, e);
        RunRecord run = lab.runOnce(settings, faults);
        double[] measured = Measure.shares(run, n);
        double occasions = Measure.occasions(run);
        List<Result> out = new ArrayList<>();
        List<String> names = base.config().firms().stream().map(f -> f.name()).toList();
        for (int r = 0; r < RESULTS; r++) {
            int j = ranking[r];
            double s = expected.shares()[j][1];
            double se = Math.sqrt(Measure.variance(s, occasions));
            out.add(Result.within(id(), "share: " + names.get(j) + " at rank " + (r + 1) + " (e = "
                            + Validation.format(e[r]) + ")", "E[1[j examined] exp(V_j) / (exp(u0) + sum_{k examined} exp(V_k))]",
                    s, measured[j], measured[j] - 1.96 * se, measured[j] + 1.96 * se,
                    LogitSharesCheck.STANDARD_ERRORS * se));
        }
        double outside = expected.shares()[n][0];
        double se = Math.sqrt(Measure.variance(outside, occasions));
        out.add(Result.within(id(), "share: outside option", "E[exp(u0) / (exp(u0) + sum_{k examined} exp(V_k))]",
                outside, measured[n], measured[n] - 1.96 * se, measured[n] + 1.96 * se,
                LogitSharesCheck.STANDARD_ERRORS * se));
        double csSe = Math.sqrt(expected.logSumVariance() / occasions);
        double cs = Measure.surplusPerOccasion(run);
        out.add(Result.within(id(), "consumer surplus per occasion", "E[ln(exp(u0) + sum_{k examined} exp(V_k))] / alpha",
                expected.logSum(), cs, cs - 1.96 * csSe, cs + 1.96 * csSe, LogitSharesCheck.STANDARD_ERRORS * csSe));
        lab.figure(figure(ranking, expected, theory.shares(price), measured, names));
        return out;
    }

    /** Each rank's share: the model against the position-biased theory and against examining everything. */
    private Figure figure(int[] ranking, ChannelChoice.Expectation expected, double[][] everyResultSeen,
                          double[] measured, List<String> names) {
        double[] rank = new double[RESULTS];
        double[] model = new double[RESULTS];
        double[] theory = new double[RESULTS];
        double[] unbiased = new double[RESULTS];
        for (int r = 0; r < RESULTS; r++) {
            rank[r] = r + 1;
            model[r] = measured[ranking[r]];
            theory[r] = expected.shares()[ranking[r]][1];
            unbiased[r] = everyResultSeen[ranking[r]][1];
        }
        return new Figure(id(), "Lower ranks are examined less: e_r = r^-" + (int) ETA + " (" + String.join(", ",
                Arrays.stream(ranking).mapToObj(names::get).toList()) + ")", "rank", "share of occasions", List.of(
                new Figure.Line("theory, e_r = 1/r", true, rank, theory), new Figure.Line("model", false, rank, model),
                new Figure.Line("theory, every result examined", true, rank, unbiased)));
    }
}
