package marketsim.core.consumer;

/**
 * The choice probabilities of one purchase occasion (MODEL.md 2.1; ODD 7.1): a nested logit in which a firm's
 * product is one alternative and its channels (direct, platform, store) form its nest. With {@code V_jc} the
 * utility of firm j's offer through channel c and {@code lambda} in (0, 1] the channels' dissimilarity,
 * <pre>
 * I_j      = lambda ln sum_c exp(V_jc / lambda)            the product's inclusive value
 * P(j)     = exp(I_j) / (exp(u0) + sum_k exp(I_k))
 * P(c | j) = exp(V_jc / lambda) / sum_c' exp(V_jc' / lambda)
 * </pre>
 * and the expected maximum utility (the log-sum, consumer surplus times {@code alpha})
 * {@code ln(exp(u0) + sum_k exp(I_k))} (McFadden 1978; Train 2009, ch. 4). {@code lambda = 1} is the plain
 * multinomial logit over (firm, channel) offers; toward 0 only a product's best channel counts, so listing an
 * identical product in a second channel adds {@code 2^lambda - 1} to its weight instead of doubling it. A product
 * offered through one channel has {@code I_j = V_jc}, as in plain logit.
 *
 * <p>{@link #weigh} gives each offer its weight {@code w_o = P(o) x total}, with {@code P(o) = P(j) P(c | j)}, so
 * that a draw of one uniform against the cumulative weights picks an offer (or, below {@link #outsideWeight}, the
 * outside option) with its probability. Every exponent is taken against a maximum (each nest's, then the
 * occasion's), so no weight overflows. An occasion with every product in one channel is the plain logit; the default
 * {@code lambda = 1/2} is computed in squares and square roots ({@link #squares}), about as fast as the plain logit. Scratch arrays indexed by firm are reset after each occasion: no
 * allocation per occasion.
 */
final class NestedLogit {
    /** The dissimilarity computed in squares and square roots ({@link #squares}). */
    private static final double HALF = 0.5;
    private double lambda;
    /** Per firm, during an occasion: its offers, their largest utility and the sum of their within-nest weights. */
    private final int[] nestSize;
    private final double[] nestMax;
    private final double[] nestSum;
    /** Per firm: the factor from within-nest weight to weight, {@code exp(I_j - max) / nestSum_j}. */
    private final double[] nestScale;
    /** The firms with an offer on this occasion, in order of first offer. */
    private final int[] nests;
    private double outsideWeight;
    private double logSum;

    /** @param lambda the channels' dissimilarity, in (0, 1] */
    NestedLogit(int firms, double lambda) {
        setLambda(lambda);
        nestSize = new int[firms];
        nestMax = new double[firms];
        nestSum = new double[firms];
        nestScale = new double[firms];
        nests = new int[firms + 1]; // one past the last firm: written, not kept, when every firm is counted
    }

    /** The channels' dissimilarity from the next occasion, in (0, 1]. */
    void setLambda(double lambda) {
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1], got " + lambda);
        }
        this.lambda = lambda;
    }

    double lambda() {
        return lambda;
    }

    /**
     * Fills {@code weight[o]} for offers {@code 0..offers-1} of firms {@code firm[o]} with utilities
     * {@code utility[o]}; returns the total weight, the outside option's included.
     */
    double weigh(int offers, int[] firm, double[] utility, double outsideUtility, double[] weight) {
        return weigh(offers, firm, utility, outsideUtility, weight, false);
    }

    /**
     * As {@link #weigh(int, int[], double[], double, double[])}; {@code oneChannel}: the caller knows that no firm
     * has two offers (every product in one channel), so the plain logit is used without counting the nests.
     */
    double weigh(int offers, int[] firm, double[] utility, double outsideUtility, double[] weight,
                 boolean oneChannel) {
        if (lambda == 1 || oneChannel) {
            return plain(offers, utility, outsideUtility, weight);
        }
        int count = 0;
        for (int o = 0; o < offers; o++) {
            int j = firm[o];
            nests[count] = j; // kept only if j is new: no branch to mispredict
            count += nestSize[j] == 0 ? 1 : 0;
            nestSize[j]++;
        }
        if (count == offers) { // every product in one channel: I_j = V_j, the plain logit
            for (int n = 0; n < count; n++) {
                nestSize[nests[n]] = 0;
            }
            return plain(offers, utility, outsideUtility, weight);
        }
        return lambda == HALF ? squares(offers, count, firm, utility, outsideUtility, weight)
                : nested(offers, count, firm, utility, outsideUtility, weight);
    }

    /** The outside option's weight on the last occasion weighed. */
    double outsideWeight() {
        return outsideWeight;
    }

    /** {@code ln(exp(u0) + sum_k exp(I_k))} of the last occasion weighed (utils). */
    double logSum() {
        return logSum;
    }

    /** Multinomial logit: each offer its own alternative. */
    private double plain(int offers, double[] utility, double outsideUtility, double[] weight) {
        double max = outsideUtility;
        for (int o = 0; o < offers; o++) {
            max = Math.max(max, utility[o]);
        }
        outsideWeight = weightAgainst(outsideUtility, max);
        double total = outsideWeight;
        for (int o = 0; o < offers; o++) {
            double w = weightAgainst(utility[o], max);
            weight[o] = w;
            total += w;
        }
        logSum = max + Math.log(total);
        return total;
    }

    /**
     * {@code exp(u - max)}; for the alternative that is the maximum, 1 without computing it ({@code exp(0)} is exactly
     * 1): one exponential fewer per occasion, with the same weights to the last bit.
     */
    private static double weightAgainst(double u, double max) {
        double below = u - max;
        return below == 0 ? 1 : Math.exp(below);
    }

    /**
     * {@code lambda = 1/2} (the default), in squares and square roots. With {@code M} the largest utility (or
     * {@code u0}) and {@code e_o = exp(V_o - M)}, each product's weight is {@code exp(I_j - M) = (sum_c e_c^2)^(1/2)}
     * and each offer's {@code e_o^2 / sum_c e_c^2} of it: the formulas of the class, with one exponential per offer
     * as in the plain logit and no logarithm per product. Every {@code e_o <= 1}, so nothing overflows; a product
     * whose offers all lie more than 354 utils below {@code M} is weighed less precisely or as 0 ({@code e_o^2}
     * underflows), where its exact weight is below {@code e^-354} of the best offer's: nothing a draw could pick.
     */
    private double squares(int offers, int count, int[] firm, double[] utility, double outsideUtility,
                           double[] weight) {
        double max = outsideUtility;
        for (int o = 0; o < offers; o++) {
            max = Math.max(max, utility[o]);
        }
        for (int o = 0; o < offers; o++) {
            double e = weightAgainst(utility[o], max);
            weight[o] = e;
            nestSum[firm[o]] += e * e;
        }
        outsideWeight = weightAgainst(outsideUtility, max);
        double total = outsideWeight;
        for (int n = 0; n < count; n++) {
            int j = nests[n];
            double sum = nestSum[j];
            double productWeight = Math.sqrt(sum);
            total += productWeight;
            nestScale[j] = sum > 0 ? productWeight / sum : 0;
            nestSum[j] = 0;
            nestSize[j] = 0;
        }
        for (int o = 0; o < offers; o++) {
            double e = weight[o];
            weight[o] = e * e * nestScale[firm[o]];
        }
        logSum = max + Math.log(total);
        return total;
    }

    /** Any other {@code lambda}: each product's weights against its own best offer, so none underflows for small lambda. */
    private double nested(int offers, int count, int[] firm, double[] utility, double outsideUtility,
                          double[] weight) {
        for (int n = 0; n < count; n++) {
            nestMax[nests[n]] = Double.NEGATIVE_INFINITY;
        }
        for (int o = 0; o < offers; o++) {
            int j = firm[o];
            nestMax[j] = Math.max(nestMax[j], utility[o]);
        }
        // Within-nest weights exp((V - max_j) / lambda); a product in one channel has weight 1 and I_j = V_j,
        // without an exponential or a logarithm.
        double inverse = 1 / lambda;
        for (int o = 0; o < offers; o++) {
            int j = firm[o];
            double below = utility[o] - nestMax[j]; // 0 for the nest's best offer: exp(0) = 1, not computed
            double w = below == 0 ? 1 : Math.exp(below * inverse);
            weight[o] = w;
            nestSum[j] += w;
        }
        // Inclusive values, kept in nestScale until the occasion's maximum is known.
        double max = outsideUtility;
        for (int n = 0; n < count; n++) {
            int j = nests[n];
            double inclusive = nestSize[j] == 1 ? nestMax[j] : nestMax[j] + lambda * Math.log(nestSum[j]);
            nestScale[j] = inclusive;
            max = Math.max(max, inclusive);
        }
        outsideWeight = Math.exp(outsideUtility - max);
        double total = outsideWeight;
        for (int n = 0; n < count; n++) {
            int j = nests[n];
            double productWeight = Math.exp(nestScale[j] - max);
            total += productWeight;
            nestScale[j] = productWeight / nestSum[j];
        }
        for (int o = 0; o < offers; o++) {
            weight[o] *= nestScale[firm[o]];
        }
        for (int n = 0; n < count; n++) {
            int j = nests[n];
            nestSize[j] = 0;
            nestSum[j] = 0;
        }
        logSum = max + Math.log(total);
        return total;
    }
}
