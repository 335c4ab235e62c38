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
 * occasion's), so no weight overflows. Scratch arrays indexed by firm are reset after each occasion: no
 * allocation per occasion.
 */
final class NestedLogit {
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
        nests = new int[firms];
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
        return lambda == 1 ? plain(offers, utility, outsideUtility, weight)
                : nested(offers, firm, utility, outsideUtility, weight);
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
        outsideWeight = Math.exp(outsideUtility - max);
        double total = outsideWeight;
        for (int o = 0; o < offers; o++) {
            double w = Math.exp(utility[o] - max);
            weight[o] = w;
            total += w;
        }
        logSum = max + Math.log(total);
        return total;
    }

    private double nested(int offers, int[] firm, double[] utility, double outsideUtility, double[] weight) {
        int count = 0;
        for (int o = 0; o < offers; o++) {
            int j = firm[o];
            if (nestSize[j] == 0) {
                nests[count++] = j;
                nestMax[j] = utility[o];
            } else {
                nestMax[j] = Math.max(nestMax[j], utility[o]);
            }
            nestSize[j]++;
        }
        if (count == offers) { // every product in one channel: I_j = V_j, the plain logit's weights exactly
            for (int n = 0; n < count; n++) {
                nestSize[nests[n]] = 0;
            }
            return plain(offers, utility, outsideUtility, weight);
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
