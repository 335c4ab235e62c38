package marketsim.results.validation;

import java.util.List;

import marketsim.core.config.Distribution;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.Trait;
import marketsim.scenario.Scenario;

/**
 * The closed-form multinomial logit of a laboratory scenario, read from its configuration (so
 * theory and model cannot disagree about a parameter): {@code V_j = -alpha p_j + beta q_j},
 * {@code s_j = exp(V_j) / (exp(u0) + sum_k exp(V_k))}, prices {@code p_j = c_j (1 + m_j)}.
 */
record LabMarket(double alpha, double beta, double outside, double[] price, double[] quality) {

    static LabMarket of(Scenario scenario) {
        MarketConfig c = scenario.config();
        List<FirmConfig> firms = c.firms();
        double[] price = new double[firms.size()];
        double[] quality = new double[firms.size()];
        for (int j = 0; j < price.length; j++) {
            price[j] = firms.get(j).unitCost() * (1 + firms.get(j).markup());
            quality[j] = firms.get(j).quality();
        }
        return new LabMarket(constant(c, Trait.PRICE_SENSITIVITY), constant(c, Trait.QUALITY_WEIGHT),
                c.population().outsideUtility(), price, quality);
    }

    /** The laboratory's one segment's constant value of {@code trait}. */
    static double constant(MarketConfig c, Trait trait) {
        if (c.population().segments().size() != 1
                || !(c.population().segments().get(0).traits().get(trait).distribution() instanceof Distribution.Constant k)) {
            throw new IllegalStateException("the laboratory needs one segment with a constant " + trait);
        }
        return k.value();
    }

    /** Shares of each firm at these prices; the outside option's share is the last element. */
    double[] shares(double[] prices) {
        double[] w = new double[prices.length + 1];
        double sum = Math.exp(outside);
        for (int j = 0; j < prices.length; j++) {
            w[j] = Math.exp(-alpha * prices[j] + beta * quality[j]);
            sum += w[j];
        }
        w[prices.length] = Math.exp(outside);
        for (int j = 0; j < w.length; j++) {
            w[j] /= sum;
        }
        return w;
    }

    double[] shares() {
        return shares(price);
    }

    /** Expected consumer surplus per occasion: {@code ln(exp(u0) + sum exp(V_j)) / alpha}. */
    double logSum(double[] prices) {
        double sum = Math.exp(outside);
        for (int j = 0; j < prices.length; j++) {
            sum += Math.exp(-alpha * prices[j] + beta * quality[j]);
        }
        return Math.log(sum) / alpha;
    }

    /**
     * Single-product logit Bertrand-Nash prices: {@code p_j = c_j + 1 / (alpha (1 - s_j))},
     * found by iterating best responses on the closed-form shares to a fixed point.
     */
    double[] nash(double[] cost, int iterations) {
        double[] p = cost.clone();
        for (int it = 0; it < iterations; it++) {
            double[] s = shares(p);
            for (int j = 0; j < p.length; j++) {
                p[j] = cost[j] + 1 / (alpha * (1 - s[j]));
            }
        }
        return p;
    }
}
