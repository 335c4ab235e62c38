package marketsim.results.optimization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.core.metrics.Metric;
import marketsim.format.Estimate;
import marketsim.results.experiment.Outcome;
import marketsim.results.replication.Replicator;
import marketsim.scenario.ScenarioDocument;
import marketsim.scenario.ScenarioException;

/**
 * Whether a scenario's prices are an equilibrium: holding everything else as the scenario sets it, each named firm
 * in turn prices by best response ({@code firms[NAME].pricing=best-response}: the logit best response on the
 * demand it faces, each unit's margin net of its channel's fees, MODEL.md 3 and 6) while its rivals keep their own
 * rules, and the run is compared in pairs with the scenario's (common random numbers). A firm whose best-response
 * price over the summary window differs from its price there by more than the tolerance, and whose profit rises with
 * it, would deviate; the prices are an equilibrium, within the tolerance, when no firm would. Firms a seller pool generates are not audited one
 * by one (a pool's sellers share their levers), nor is a firm that already prices by best response (it is at its
 * best response by construction).
 */
public final class Audit {
    /**
     * Default tolerance, as a share of the price: the model's best response reaches the closed-form Bertrand-Nash
     * price within 1% in the validation laboratory (NashCheck); heterogeneous consumers add sampling noise to the
     * demand a firm learns from, so twice that.
     */
    public static final double DEFAULT_TOLERANCE = 0.02;

    /** One firm: its price before and after it best-responds, and its profit change, paired. */
    public record Row(String firm, boolean bestResponder, Estimate priceBefore, Estimate priceAfter,
                      Estimate priceChange, Estimate profitBefore, Estimate profitChange, double tolerance) {
        /** The relative price change, after over before minus 1. */
        public double relativeChange() {
            return priceAfter.mean() / priceBefore.mean() - 1;
        }

        /** Whether its best response moves its price by more than the tolerance. */
        public boolean moves() {
            return !bestResponder && !(Math.abs(relativeChange()) <= tolerance);
        }

        /**
         * Whether the firm would deviate: its best response moves its price by more than the tolerance and raises
         * its mean profit. The best response is myopic (it maximizes the profit of the demand it faced since its last
         * review); where relationships, loyalty or learning make tomorrow's demand depend on today's price it can lose
         * money, and a deviation that loses money is not one the firm would make.
         */
        public boolean deviates() {
            return moves() && profitChange.mean() > 0;
        }
    }

    /** An audit: every firm's row, on {@code replications} replications of the master seed. */
    public record Result(String scenario, List<Row> rows, double tolerance, int replications, long masterSeed) {
        /** Whether no firm would deviate by more than the tolerance. */
        public boolean equilibrium() {
            return rows.stream().noneMatch(Row::deviates);
        }
    }

    private Audit() {
    }

    /**
     * Audits the scenario {@code document} read with {@code overrides}, each variant on the same replication seeds,
     * through {@code simulator} ({@link Optimization.Simulator#MODEL} for the model); {@code progress} hears of each
     * finished run.
     */
    public static Result run(ScenarioDocument document, List<String> overrides, int replications, long masterSeed,
                             int threads, double tolerance, Optimization.Simulator simulator,
                             Replicator.Progress progress) throws ScenarioException, InterruptedException {
        MarketConfig base = document.read(overrides).config();
        List<FirmConfig> audited = new ArrayList<>();
        List<MarketConfig> configs = new ArrayList<>(List.of(base));
        for (FirmConfig firm : base.firms()) {
            if (firm.pool() != null) {
                continue;
            }
            audited.add(firm);
            if (firm.pricing() != PricingRuleName.BEST_RESPONSE) {
                List<String> variant = new ArrayList<>(overrides);
                variant.add("firms[" + firm.name() + "].pricing=best-response");
                configs.add(document.read(variant).config());
            }
        }
        // [variant][outcome: 2 per firm, price then profit][replication]
        double[][][] values = new double[configs.size()][2 * audited.size()][replications];
        Replicator replicator = new Replicator("audit replication", threads);
        try {
            replicator.run(configs.size() * replications, job -> {
                var run = simulator.run(configs.get(job / replications), Replicator.seed(masterSeed, job % replications));
                double[] out = new double[2 * audited.size()];
                for (int f = 0; f < audited.size(); f++) {
                    out[2 * f] = run.value(new Outcome(audited.get(f).name(), Metric.MEAN_PRICE));
                    out[2 * f + 1] = run.value(new Outcome(audited.get(f).name(), Metric.NET_PROFIT));
                }
                return out;
            }, (job, out) -> {
                for (int k = 0; k < out.length; k++) {
                    values[job / replications][k][job % replications] = out[k];
                }
            }, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink writes nothing
        }
        List<Row> rows = new ArrayList<>();
        int variant = 0;
        for (int f = 0; f < audited.size(); f++) {
            boolean responder = audited.get(f).pricing() == PricingRuleName.BEST_RESPONSE;
            double[][] after = responder ? values[0] : values[++variant];
            rows.add(new Row(audited.get(f).name(), responder, Estimate.of(values[0][2 * f]),
                    Estimate.of(after[2 * f]), paired(after[2 * f], values[0][2 * f]), Estimate.of(values[0][2 * f + 1]),
                    paired(after[2 * f + 1], values[0][2 * f + 1]), tolerance));
        }
        return new Result(document.read(overrides).name(), rows, tolerance,
                replications, masterSeed);
    }

    private static Estimate paired(double[] after, double[] before) {
        double[] d = new double[after.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = after[r] - before[r];
        }
        return Estimate.of(d);
    }
}
