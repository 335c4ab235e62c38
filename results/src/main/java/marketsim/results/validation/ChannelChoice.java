package marketsim.results.validation;

import java.util.Arrays;
import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.Trait;
import marketsim.scenario.Scenario;

/**
 * The closed-form choice of the laboratory when firms sell through two channels, direct and on the platform
 * (MODEL.md 2.1): a nested logit in which a firm's product is one alternative and its channels a nest of
 * dissimilarity {@code lambda}, with the platform's results each examined with its rank's probability. Firm j's
 * offer through channel c has utility {@code V_jc = -alpha p_j + beta q_j + a_c}; then
 * <pre>
 * I_j = lambda ln sum_c exp(V_jc / lambda),   s_j = exp(I_j) / (exp(u0) + sum_k exp(I_k)),
 * s_jc = s_j exp(V_jc / lambda) / sum_c' exp(V_jc' / lambda),   CS = ln(exp(u0) + sum_k exp(I_k)) / alpha
 * </pre>
 * Under position bias the platform result at rank r is in the choice set with probability {@code e_r},
 * independently, so expected shares and surplus are the average over the {@code 2^k} sets of examined results.
 *
 * @param logit     the laboratory's utilities and prices
 * @param lambda    the channels' dissimilarity
 * @param direct    whether each firm sells direct
 * @param onPlatform whether each firm is listed on the platform
 * @param aDirect   the direct channel's affinity (utils)
 * @param aPlatform the platform's affinity (utils)
 */
record ChannelChoice(LabMarket logit, double lambda, boolean[] direct, boolean[] onPlatform, double aDirect,
                     double aPlatform) {

    /** The laboratory scenario's channels, affinities and {@code lambda}, read from its configuration. */
    static ChannelChoice of(Scenario scenario) {
        MarketConfig c = scenario.config();
        List<FirmConfig> firms = c.firms();
        boolean[] direct = new boolean[firms.size()];
        boolean[] platform = new boolean[firms.size()];
        for (int j = 0; j < direct.length; j++) {
            direct[j] = firms.get(j).direct() != null;
            platform[j] = firms.get(j).platform() != null;
        }
        return new ChannelChoice(LabMarket.of(scenario), c.rules().channelDissimilarity(), direct, platform,
                LabMarket.constant(c, Trait.DIRECT_AFFINITY), LabMarket.constant(c, Trait.PLATFORM_AFFINITY));
    }

    /** Choice probabilities when every offer is considered: [j][0] direct, [j][1] platform; [n][0] the outside option. */
    double[][] shares(double[] prices) {
        return shares(prices, allExamined(prices.length));
    }

    /** Consumer surplus per occasion (money) when every offer is considered. */
    double logSum(double[] prices) {
        double[] inclusive = inclusiveWeights(prices, allExamined(prices.length));
        return Math.log(sum(inclusive)) / logit.alpha();
    }

    /**
     * Expected probabilities and surplus when the platform shows its listed firms in the order {@code ranking} (firm
     * indices, top first) and a consumer examines rank r with probability {@code e[r]}.
     */
    Expectation underExamination(double[] prices, int[] ranking, double[] e) {
        int n = prices.length;
        int k = ranking.length;
        double[][] mean = new double[n + 1][2];
        double logSumMean = 0;
        double logSumSquares = 0;
        for (int set = 0; set < 1 << k; set++) {
            double probability = 1;
            boolean[] examined = new boolean[n];
            for (int r = 0; r < k; r++) {
                boolean seen = (set >> r & 1) == 1;
                probability *= seen ? e[r] : 1 - e[r];
                examined[ranking[r]] = seen;
            }
            if (probability == 0) {
                continue;
            }
            double[][] s = shares(prices, examined);
            for (int j = 0; j <= n; j++) {
                mean[j][0] += probability * s[j][0];
                mean[j][1] += probability * s[j][1];
            }
            double cs = Math.log(sum(inclusiveWeights(prices, examined))) / logit.alpha();
            logSumMean += probability * cs;
            logSumSquares += probability * cs * cs;
        }
        return new Expectation(mean, logSumMean, logSumSquares - logSumMean * logSumMean);
    }

    /** Expected probabilities ([j][c], the outside option at [n][0]) and the mean and variance of the surplus. */
    record Expectation(double[][] shares, double logSum, double logSumVariance) {
    }

    private double[][] shares(double[] prices, boolean[] examined) {
        int n = prices.length;
        double[] inclusive = inclusiveWeights(prices, examined);
        double total = sum(inclusive);
        double[][] s = new double[n + 1][2];
        for (int j = 0; j < n; j++) {
            double d = direct[j] ? Math.exp(utility(prices, j, aDirect) / lambda) : 0;
            double p = onPlatform[j] && examined[j] ? Math.exp(utility(prices, j, aPlatform) / lambda) : 0;
            if (d + p > 0) {
                s[j][0] = inclusive[j] / total * d / (d + p);
                s[j][1] = inclusive[j] / total * p / (d + p);
            }
        }
        s[n][0] = inclusive[n] / total;
        return s;
    }

    /** {@code exp(I_j)} of each firm, then {@code exp(u0)} last. */
    private double[] inclusiveWeights(double[] prices, boolean[] examined) {
        int n = prices.length;
        double[] w = new double[n + 1];
        for (int j = 0; j < n; j++) {
            double d = direct[j] ? Math.exp(utility(prices, j, aDirect) / lambda) : 0;
            double p = onPlatform[j] && examined[j] ? Math.exp(utility(prices, j, aPlatform) / lambda) : 0;
            w[j] = d + p > 0 ? Math.exp(lambda * Math.log(d + p)) : 0;
        }
        w[n] = Math.exp(logit.outside());
        return w;
    }

    private double utility(double[] prices, int j, double affinity) {
        return -logit.alpha() * prices[j] + logit.beta() * logit.quality()[j] + affinity;
    }

    private static boolean[] allExamined(int n) {
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return all;
    }

    private static double sum(double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        return total;
    }
}
