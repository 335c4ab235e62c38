package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.PlatformConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * Fee-aware logit Bertrand-Nash prices (MODEL.md 3 and 6): a seller that pays a commission {@code tau} (a share of
 * its price) and a fee {@code f} per unit prices off its full marginal cost, {@code p_j - (c_j + f) / (1 - tau) =
 * 1 / (alpha (1 - s_j))}; a seller in several channels off the channel-weighted condition
 * {@code p_j - (c_j + w f) / (1 - w tau) = 1 / (alpha (1 - s_j))}, {@code w} the platform's share of its units
 * (exact for homogeneous logit, where a seller's offers share one price: the first-order condition
 * {@code sum_ch s_ch (1 - tau_ch) = alpha (1 - s_j) sum_ch s_ch ((1 - tau_ch) p_j - c_j - f_ch)}). In the laboratory
 * "cheap" sells only on the platform, "middle" direct and on the platform (where consumers' platform affinity gives
 * it most of its units), "premium" only direct. The equilibrium is computed independently by iterating these
 * conditions on the closed-form nested-logit shares of every (firm, channel) offer (channels nested, MODEL.md 2.1).
 */
final class FeeNashCheck extends LabCheck {
    static final double TAKE_RATE = 0.2;
    static final double FULFILMENT_FEE = 1;
    /** Utils of buying on the platform: unequal channel weights for the seller in two channels. */
    static final double PLATFORM_AFFINITY = 0.5;

    FeeNashCheck() {
        super("fee-nash-prices",
                "Best-response prices pass a commission and a per-unit fee on: the fee-aware Bertrand-Nash prices",
                "MODEL.md 3 and 6; Anderson, de Palma and Thisse (1992) ch. 7 with each unit's margin (1 - tau) p - c - f: "
                        + "p_j = (c_j + w_j f) / (1 - w_j tau) + 1 / (alpha (1 - s_j)), w_j the share of the seller's "
                        + "units sold on the platform (1 on the platform only, 0 direct only); the equilibrium is "
                        + "computed here independently of the model",
                (int) (100 * NashCheck.RELATIVE) + "% of each price, as for the Nash markups: the demand the sellers "
                        + "learn from is exact here (homogeneous consumers, choice probabilities rather than draws), so "
                        + "only the iteration's convergence separates model and formula; sellers that ignore their fees "
                        + "miss by 21% (platform only) and 12% (two channels), and ignoring the per-unit fee alone "
                        + "misses by 8% and 4%");
    }

    @Override
    public List<String> settings(Budget budget) {
        List<String> s = new ArrayList<>(new NashCheck().settings(budget));
        s.addAll(List.of("population.segments[everyone].platform_affinity=" + PLATFORM_AFFINITY,
                "platform.take_rate=" + TAKE_RATE, "platform.fulfilment_fee=" + (int) FULFILMENT_FEE,
                "platform.review_every=1000", // no listing decisions within the run: the check isolates pricing
                "platform.membership.initial_share=1", "platform.membership.leave_rate=0",
                "platform.ranking.examination_decay=0", // every result considered: the check isolates pricing
                "firms[cheap].channels.direct=false", "firms[cheap].channels.platform=true",
                "firms[middle].channels.platform=true"));
        return s;
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        List<String> settings = settings(budget);
        Scenario base = lab.scenario(settings);
        List<FirmConfig> firms = base.config().firms();
        double[] theory = equilibrium(base);
        RunRecord run = lab.runOnce(settings, faults);
        lab.figure(NashCheck.pricePaths(id(), "Best-response prices converge to the fee-aware Bertrand-Nash prices",
                run, firms, theory));
        List<Result> out = new ArrayList<>();
        for (int j = 0; j < firms.size(); j++) {
            FirmConfig f = firms.get(j);
            boolean direct = f.direct() != null;
            boolean platform = f.platform() != null;
            String where = direct && platform ? " (direct and platform)" : platform ? " (platform only)" : " (direct only)";
            String formula = direct && platform ? "(c_j + w_j f) / (1 - w_j tau) + 1 / (alpha (1 - s_j))"
                    : platform ? "(c_j + f) / (1 - tau) + 1 / (alpha (1 - s_j))" : "c_j + 1 / (alpha (1 - s_j))";
            out.add(Result.within(id(), "price: " + f.name() + where, formula, theory[j], Measure.lastPrice(run, j),
                    Double.NaN, Double.NaN, NashCheck.RELATIVE * theory[j]));
        }
        return out;
    }

    /**
     * The fee-aware equilibrium of the laboratory's configuration: each firm's offers (direct, platform) with
     * utilities {@code -alpha p_j + beta q_j + a_ch}, a nest of the scenario's channel dissimilarity
     * ({@link ChannelChoice}), iterated to the fixed point of
     * {@code p_j = (c_j + w_j f) / (1 - w_j tau) + 1 / (alpha (1 - s_j))}. Every channel charges the consumer the list
     * price, so a price change does not move demand between a product's channels and the condition holds with the
     * nested-logit shares as it does with plain logit's.
     */
    static double[] equilibrium(Scenario scenario) {
        ChannelChoice choice = ChannelChoice.of(scenario);
        PlatformConfig platform = scenario.config().platform();
        List<FirmConfig> firms = scenario.config().firms();
        int n = firms.size();
        double[] p = new double[n];
        for (int j = 0; j < n; j++) {
            p[j] = firms.get(j).unitCost();
        }
        for (int it = 0; it < NashCheck.ITERATIONS; it++) {
            double[][] s = choice.shares(p);
            for (int j = 0; j < n; j++) {
                double share = s[j][0] + s[j][1];
                double w = s[j][1] / share;
                double fullCost = (firms.get(j).unitCost() + w * platform.fulfilmentFee()) / (1 - w * platform.takeRate());
                p[j] = fullCost + 1 / (choice.logit().alpha() * (1 - share));
            }
        }
        return p;
    }
}
