package marketsim.core.firm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.PricingRuleName;

/**
 * The logit demand each firm faced over a review period, from every purchase occasion's choice
 * probabilities (not its one drawn choice): expected demand {@code D_j = sum_i S_ij} and its
 * price derivatives within each owner, {@code Delta_lk = sum_i dS_il / dp_k}. With
 * {@code P_o} an offer's probability and {@code k_o} its price over the list price (loyalty
 * discount, platform subsidy), per occasion {@code S_l = sum_{o of l} P_o},
 * {@code A_l = sum_{o of l} k_o P_o} and {@code dS_l/dp_k = -alpha (1[l = k] A_l - S_l A_k)}.
 *
 * <p>An owner's profit-maximizing markups solve {@code D_k + sum_l m_l Delta_lk = 0} for every
 * product k it owns (the multi-product logit first-order conditions; Berry, Levinsohn and Pakes
 * 1995). A single-product firm facing homogeneous consumers gets {@code 1 / (alpha (1 - s))};
 * products of one owner under homogeneous logit share one markup {@code 1 / (alpha (1 - S_owner))}.
 * Margins are on the list price; channel fees are not netted out.
 */
public final class DemandSlopes {
    private final int[] group;
    private final int[] slot;
    private final int[][] members;
    private final double[] demand;
    private final double[][][] slope;
    private final double[][] solved;
    private final boolean[] isSolved;
    /** Per-occasion scratch: S and A of each firm, and the firms touched. */
    private final double[] occasionShare;
    private final double[] occasionPriceShare;
    private final int[] touched;

    /**
     * The demand record a market needs: one if any firm prices by best response, now or after
     * imitating an archetype that does; else null (no occasion pays for recording).
     */
    public static DemandSlopes neededBy(MarketConfig config) {
        boolean needed = config.firms().stream().anyMatch(f -> f.pricing() == PricingRuleName.BEST_RESPONSE)
                || config.archetypes().values().stream().anyMatch(f -> f.pricing() == PricingRuleName.BEST_RESPONSE);
        return needed ? new DemandSlopes(config.firms()) : null;
    }

    public DemandSlopes(List<FirmConfig> firms) {
        int n = firms.size();
        group = new int[n];
        slot = new int[n];
        Map<String, List<Integer>> byOwner = new HashMap<>();
        List<List<Integer>> groups = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            List<Integer> g = byOwner.computeIfAbsent(firms.get(j).ownerName(), k -> {
                List<Integer> created = new ArrayList<>();
                groups.add(created);
                return created;
            });
            group[j] = groups.indexOf(g);
            slot[j] = g.size();
            g.add(j);
        }
        members = new int[groups.size()][];
        slope = new double[groups.size()][][];
        solved = new double[groups.size()][];
        isSolved = new boolean[groups.size()];
        for (int g = 0; g < members.length; g++) {
            members[g] = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
            slope[g] = new double[members[g].length][members[g].length];
        }
        demand = new double[n];
        occasionShare = new double[n];
        occasionPriceShare = new double[n];
        touched = new int[n];
    }

    /**
     * Adds one occasion: {@code offers} offers of firms {@code firm[o]} with logit weights
     * {@code weight[o]} (of total {@code total}, outside option included), paid prices
     * {@code paid[o]} against list prices {@code list[firm]}, for a consumer of price sensitivity
     * {@code alpha}.
     */
    public void record(double alpha, int offers, int[] firm, double[] weight, double total, double[] paid,
                       double[] list) {
        int count = 0;
        for (int o = 0; o < offers; o++) {
            int j = firm[o];
            double p = weight[o] / total;
            if (occasionShare[j] == 0 && occasionPriceShare[j] == 0) {
                touched[count++] = j;
            }
            occasionShare[j] += p;
            occasionPriceShare[j] += list[j] > 0 ? p * paid[o] / list[j] : p;
        }
        for (int a = 0; a < count; a++) {
            int l = touched[a];
            double sl = occasionShare[l];
            demand[l] += sl;
            double[] row = slope[group[l]][slot[l]];
            row[slot[l]] -= alpha * (occasionPriceShare[l] - sl * occasionPriceShare[l]);
            if (members[group[l]].length > 1) {
                for (int b = 0; b < count; b++) {
                    int k = touched[b];
                    if (k != l && group[k] == group[l]) {
                        row[slot[k]] += alpha * sl * occasionPriceShare[k];
                    }
                }
            }
        }
        for (int a = 0; a < count; a++) {
            occasionShare[touched[a]] = 0;
            occasionPriceShare[touched[a]] = 0;
        }
    }

    /** The profit-maximizing markup of firm {@code j} on the period's demand (money), or NaN without demand. */
    public double markup(int j) {
        int g = group[j];
        if (!isSolved[g]) {
            solved[g] = solve(g);
            isSolved[g] = true;
        }
        return solved[g][slot[j]];
    }

    /** Solves {@code D_k + sum_l m_l Delta_lk = 0} for the owner's products that had demand. */
    private double[] solve(int g) {
        int size = members[g].length;
        double[] m = new double[size];
        Arrays.fill(m, Double.NaN);
        List<Integer> live = new ArrayList<>();
        for (int a = 0; a < size; a++) {
            if (demand[members[g][a]] > 0 && slope[g][a][a] < 0) {
                live.add(a);
            }
        }
        if (live.isEmpty()) {
            return m;
        }
        Array2DRowRealMatrix transposed = new Array2DRowRealMatrix(live.size(), live.size());
        ArrayRealVector rhs = new ArrayRealVector(live.size());
        for (int r = 0; r < live.size(); r++) {
            int k = live.get(r);
            rhs.setEntry(r, -demand[members[g][k]]);
            for (int c = 0; c < live.size(); c++) {
                transposed.setEntry(r, c, slope[g][live.get(c)][k]); // row k: sum over l of m_l Delta_lk
            }
        }
        try {
            RealVector x = new LUDecomposition(transposed).getSolver().solve(rhs);
            for (int r = 0; r < live.size(); r++) {
                m[live.get(r)] = x.getEntry(r);
            }
        } catch (SingularMatrixException e) {
            // leave NaN: the firms keep their prices this review
        }
        return m;
    }

    /** Starts the next review period. */
    public void reset() {
        Arrays.fill(demand, 0);
        for (double[][] s : slope) {
            for (double[] row : s) {
                Arrays.fill(row, 0);
            }
        }
        Arrays.fill(isSolved, false);
    }
}
