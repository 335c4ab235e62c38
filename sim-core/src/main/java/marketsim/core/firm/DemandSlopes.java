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
 * probabilities (not its one drawn choice), and the profit-maximizing prices on it. With
 * {@code P_o} an offer's probability, {@code k_o} its paid price over the list price (loyalty
 * discount, platform subsidy), {@code r_o} the share of the list price the seller keeps (after a
 * commission or retail margin, and a loyalty discount) and {@code f_o} what the seller pays per unit
 * besides its unit cost (fulfilment fee, the slot's ad fee), each occasion adds, for firm l's offers,
 * {@code S_l = sum P_o}, {@code A_l = sum k_o P_o}, {@code R_l = sum r_o P_o}, {@code B_l = sum r_o k_o P_o},
 * {@code F_l = sum f_o P_o} and {@code G_l = sum f_o k_o P_o}. Since
 * {@code dP_o/dp_k = -alpha P_o (1[o of k] k_o - A_k)}, summed over occasions:
 * <pre>
 * D_l = sum S_l                                  expected demand
 * N_l = sum R_l                                  the part of it the seller is paid for (in list prices)
 * Delta_lk = -sum alpha (1[l = k] A_l - S_l A_k)   dD_l / dp_k
 * Rho_lk   = -sum alpha (1[l = k] B_l - R_l A_k)   dN_l / dp_k
 * Phi_lk   = -sum alpha (1[l = k] G_l - F_l A_k)   d(fees of l) / dp_k
 * </pre>
 * The owner's profit {@code sum_l sum_o P_o (r_o p_l - c_l - f_o)} is maximal where, for every product
 * k it owns (the multi-product logit first-order conditions; Berry, Levinsohn and Pakes 1995, with each
 * unit's margin in its channel, MODEL.md 3),
 * <pre>
 * N_k + sum_l (p_l Rho_lk - c_l Delta_lk - Phi_lk) = 0
 * </pre>
 * linear in the prices {@code p}.
 *
 * <p><b>Channel nests.</b> Choice is a nested logit in which a product's channels form a nest of dissimilarity
 * {@code lambda} (MODEL.md 2.1). A product's own list price moves the within-nest split of its channels only through
 * the paid-price ratios: {@code dP_o/dp_l = -alpha P_o ((k_o - A_l) + (1/lambda - 1)(k_o - A_l / S_l))} for its
 * offers o; across products the slopes are those of plain logit. The own terms of {@code Rho} and {@code Phi} thus
 * gain {@code -alpha (1/lambda - 1)(B_l - R_l A_l / S_l)} and {@code -alpha (1/lambda - 1)(G_l - F_l A_l / S_l)};
 * {@code Delta} gains nothing ({@code sum_o P_o (k_o - A_l / S_l) = 0}). Where every channel charges the consumer
 * the list price ({@code k_o = 1}) the corrections vanish and the single-product conditions above hold with the
 * nested-logit shares. A single-product firm in one channel facing homogeneous consumers gets
 * {@code p = (c + f) / (1 - tau) + 1 / (alpha (1 - s))}; in several, the same with the channel-weighted
 * {@code f} and {@code tau} (weights: its expected units by channel); products of one owner under
 * homogeneous logit without fees share one markup {@code 1 / (alpha (1 - S_owner))}. A firm that is not
 * fee-aware counts margins on the list price ({@code r_o = 1}, {@code f_o = 0}: {@code D}, {@code Delta}).
 */
public final class DemandSlopes {
    /** {@code 1/lambda - 1}: how much more a price moves demand between a product's channels than plain logit. */
    private double nestExcess;
    private final int[] group;
    private final int[] slot;
    private final int[][] members;
    /** D, N per firm; Delta, Rho, Phi per owner, [l][k] by slot. */
    private final double[] demand;
    private final double[] paidDemand;
    private final double[][][] slope;
    private final double[][][] paidSlope;
    private final double[][][] feeSlope;
    private final double[][] solved;
    private final boolean[] isSolved;
    /** At the review: each firm's unit cost and whether it prices off its fees. */
    private final double[] unitCost;
    private final boolean[] feeAware;
    /** Per-occasion scratch: S, A, R, B, F and G of each firm, and the firms touched. */
    private final double[] occasionShare;
    private final double[] occasionPriceShare;
    private final double[] occasionKept;
    private final double[] occasionKeptPrice;
    private final double[] occasionFee;
    private final double[] occasionFeePrice;
    private final int[] touched;

    /**
     * The demand record a market needs: one if any firm prices by best response, now or after
     * imitating an archetype that does; else null (no occasion pays for recording).
     */
    public static DemandSlopes neededBy(MarketConfig config) {
        boolean needed = config.firms().stream().anyMatch(f -> f.pricing() == PricingRuleName.BEST_RESPONSE)
                || config.archetypes().values().stream().anyMatch(f -> f.pricing() == PricingRuleName.BEST_RESPONSE);
        return needed ? new DemandSlopes(config.firms(), config.rules().channelDissimilarity()) : null;
    }

    /** @param channelDissimilarity {@code lambda} of the channel nests, in (0, 1] (1: plain logit) */
    public DemandSlopes(List<FirmConfig> firms, double channelDissimilarity) {
        setChannelDissimilarity(channelDissimilarity);
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
        paidSlope = new double[groups.size()][][];
        feeSlope = new double[groups.size()][][];
        solved = new double[groups.size()][];
        isSolved = new boolean[groups.size()];
        for (int g = 0; g < members.length; g++) {
            members[g] = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
            int size = members[g].length;
            slope[g] = new double[size][size];
            paidSlope[g] = new double[size][size];
            feeSlope[g] = new double[size][size];
        }
        demand = new double[n];
        paidDemand = new double[n];
        unitCost = new double[n];
        feeAware = new boolean[n];
        occasionShare = new double[n];
        occasionPriceShare = new double[n];
        occasionKept = new double[n];
        occasionKeptPrice = new double[n];
        occasionFee = new double[n];
        occasionFeePrice = new double[n];
        touched = new int[n];
    }

    /** The channel nests' {@code lambda} from the next occasion recorded (the classroom may move it). */
    public void setChannelDissimilarity(double channelDissimilarity) {
        nestExcess = 1 / channelDissimilarity - 1;
    }

    /**
     * Adds one occasion: {@code offers} offers of firms {@code firm[o]} with logit weights
     * {@code weight[o]} (of total {@code total}, outside option included), paid prices
     * {@code paid[o]} against list prices {@code list[firm]}, of which the seller keeps the share
     * {@code kept[o]} and pays {@code fee[o]} per unit besides its unit cost, for a consumer of price
     * sensitivity {@code alpha}. The probabilities {@code weight[o] / total} are those of the nested logit the
     * occasion was drawn from.
     */
    public void record(double alpha, int offers, int[] firm, double[] weight, double total, double[] paid,
                       double[] list, double[] kept, double[] fee) {
        int count = 0;
        for (int o = 0; o < offers; o++) {
            int j = firm[o];
            double p = weight[o] / total;
            if (occasionShare[j] == 0 && occasionPriceShare[j] == 0) {
                touched[count++] = j;
            }
            double k = list[j] > 0 ? paid[o] / list[j] : 1;
            occasionShare[j] += p;
            occasionPriceShare[j] += k * p;
            occasionKept[j] += kept[o] * p;
            occasionKeptPrice[j] += kept[o] * k * p;
            occasionFee[j] += fee[o] * p;
            occasionFeePrice[j] += fee[o] * k * p;
        }
        for (int a = 0; a < count; a++) {
            int l = touched[a];
            double sl = occasionShare[l];
            double rl = occasionKept[l];
            double fl = occasionFee[l];
            double al = occasionPriceShare[l];
            demand[l] += sl;
            paidDemand[l] += rl;
            int g = group[l];
            int s = slot[l];
            double bl = occasionKeptPrice[l];
            double gl = occasionFeePrice[l];
            double meanRatio = al / sl; // A_l / S_l: the mean paid-price ratio of l's offers
            slope[g][s][s] -= alpha * (al - sl * al);
            paidSlope[g][s][s] -= alpha * (bl - rl * al + nestExcess * (bl - rl * meanRatio));
            feeSlope[g][s][s] -= alpha * (gl - fl * al + nestExcess * (gl - fl * meanRatio));
            if (members[g].length > 1) {
                for (int b = 0; b < count; b++) {
                    int k = touched[b];
                    if (k != l && group[k] == g) {
                        double ak = alpha * occasionPriceShare[k];
                        slope[g][s][slot[k]] += sl * ak;
                        paidSlope[g][s][slot[k]] += rl * ak;
                        feeSlope[g][s][slot[k]] += fl * ak;
                    }
                }
            }
        }
        for (int a = 0; a < count; a++) {
            int j = touched[a];
            occasionShare[j] = 0;
            occasionPriceShare[j] = 0;
            occasionKept[j] = 0;
            occasionKeptPrice[j] = 0;
            occasionFee[j] = 0;
            occasionFeePrice[j] = 0;
        }
    }

    /** Takes each firm's unit cost and fee awareness now, before the review asks for prices. */
    public void prepare(List<Firm> firms) {
        for (Firm firm : firms) {
            unitCost[firm.index()] = firm.unitCost();
            feeAware[firm.index()] = firm.config().feeAware();
        }
        Arrays.fill(isSolved, false);
    }

    /** The profit-maximizing list price of firm {@code j} on the period's demand (money/unit); NaN without demand. */
    public double price(int j) {
        int g = group[j];
        if (!isSolved[g]) {
            solved[g] = solve(g);
            isSolved[g] = true;
        }
        return solved[g][slot[j]];
    }

    /**
     * Solves {@code N_k + sum_l (p_l Rho_lk - c_l Delta_lk - Phi_lk) = 0} for the prices of the owner's
     * products that had demand; a product whose firm is not fee-aware counts {@code D_k} for {@code N_k},
     * {@code Delta} for {@code Rho} and no fees.
     */
    private double[] solve(int g) {
        int size = members[g].length;
        double[] p = new double[size];
        Arrays.fill(p, Double.NaN);
        List<Integer> live = new ArrayList<>();
        for (int a = 0; a < size; a++) {
            if (demand[members[g][a]] > 0 && slope[g][a][a] < 0) {
                live.add(a);
            }
        }
        if (live.isEmpty()) {
            return p;
        }
        Array2DRowRealMatrix conditions = new Array2DRowRealMatrix(live.size(), live.size());
        ArrayRealVector rhs = new ArrayRealVector(live.size());
        for (int r = 0; r < live.size(); r++) {
            int k = live.get(r);
            int firmK = members[g][k];
            double constant = -(feeAware[firmK] ? paidDemand[firmK] : demand[firmK]);
            for (int c = 0; c < live.size(); c++) {
                int l = live.get(c);
                int firmL = members[g][l];
                boolean aware = feeAware[firmL];
                conditions.setEntry(r, c, aware ? paidSlope[g][l][k] : slope[g][l][k]); // row k: sum over l
                constant += unitCost[firmL] * slope[g][l][k] + (aware ? feeSlope[g][l][k] : 0);
            }
            rhs.setEntry(r, constant);
        }
        try {
            RealVector x = new LUDecomposition(conditions).getSolver().solve(rhs);
            for (int r = 0; r < live.size(); r++) {
                p[live.get(r)] = x.getEntry(r);
            }
        } catch (SingularMatrixException e) {
            // leave NaN: the firms keep their prices this review
        }
        return p;
    }

    /** Starts the next review period. */
    public void reset() {
        Arrays.fill(demand, 0);
        Arrays.fill(paidDemand, 0);
        for (double[][][] matrices : new double[][][][] {slope, paidSlope, feeSlope}) {
            for (double[][] s : matrices) {
                for (double[] row : s) {
                    Arrays.fill(row, 0);
                }
            }
        }
        Arrays.fill(isSolved, false);
    }
}
