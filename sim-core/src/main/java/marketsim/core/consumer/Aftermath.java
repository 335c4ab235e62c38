package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import ec.util.MersenneTwisterFast;
import marketsim.core.config.MarketRules;

/**
 * The AFTERMATH phase: each purchase of the tick is experienced, then every relationship stock
 * decays (MODEL.md 2.2).
 *
 * <p>A purchase from {@code j} fails with probability {@code f_j}; then {@code g = -failurePenalty}.
 * Otherwise realized quality is {@code q_j + noise Z} and
 * {@code g = 1 / (1 + exp(-kappa (realized - e_i)))}, in (0,1). The stock moves
 * {@code L += eta_j g (1 - L)} when {@code g >= 0} and {@code L += eta_j g L} when {@code g < 0},
 * so it stays in [0,1]. The consumer becomes a promoter when {@code g >= promoterThreshold}, a
 * detractor when {@code g <= detractorThreshold}, passive otherwise. Finally all stocks decay:
 * {@code L *= 1 - delta}.
 */
public final class Aftermath {
    private final Population population;
    private final SellerTerms terms;
    private final MarketRules rules;
    private final MersenneTwisterFast random;
    private final PurchaseLog purchases;

    public Aftermath(Population population, SellerTerms terms, MarketRules rules,
                     MersenneTwisterFast random, PurchaseLog purchases) {
        this.population = population;
        this.terms = terms;
        this.rules = rules;
        this.random = random;
        this.purchases = purchases;
    }

    /** Experiences the tick's purchases, decays stocks and tallies customer-base stocks. */
    public void run(double[][] firmTally) {
        experience(firmTally);
        decayAndCount(firmTally);
    }

    private void experience(double[][] firmTally) {
        Population p = population;
        double noise = rules.qualityNoise();
        for (int k = 0; k < purchases.size(); k++) {
            int i = purchases.buyer(k);
            int j = purchases.seller(k);
            double g;
            if (random.nextDouble() < terms.failureRate[j]) {
                g = -rules.failurePenalty();
                firmTally[j][FAILURES.ordinal()]++;
            } else {
                double realized = terms.quality[j] + (noise > 0 ? noise * random.nextGaussian() : 0);
                g = 1 / (1 + Math.exp(-rules.satisfactionSensitivity() * (realized - p.expectation[i])));
            }
            int slot = p.slotFor(i, j);
            float stock = p.memoryStock[slot];
            double eta = terms.relationshipRate[j];
            stock += (float) (g >= 0 ? eta * g * (1 - stock) : eta * g * stock);
            p.memoryStock[slot] = stock;
            p.status[i] = g >= rules.promoterThreshold() ? Population.STATUS_PROMOTER
                    : g <= rules.detractorThreshold() ? Population.STATUS_DETRACTOR
                    : Population.STATUS_PASSIVE;
        }
    }

    private void decayAndCount(double[][] firmTally) {
        Population p = population;
        float keep = (float) (1 - rules.relationshipDecay());
        float[] stocks = p.memoryStock;
        for (int k = 0; k < stocks.length; k++) {
            stocks[k] *= keep;
        }
        int customers = CUSTOMERS.ordinal();
        int promoters = PROMOTERS.ordinal();
        int detractors = DETRACTORS.ordinal();
        int relationship = RELATIONSHIP_SUM.ordinal();
        for (int i = 0; i < p.size; i++) {
            int last = p.last[i];
            if (last == Population.NONE) {
                continue;
            }
            double[] t = firmTally[last];
            t[customers]++;
            byte status = p.status[i];
            if (status == Population.STATUS_PROMOTER) {
                t[promoters]++;
            } else if (status == Population.STATUS_DETRACTOR) {
                t[detractors]++;
            }
            t[relationship] += p.stock(i, last);
        }
    }
}
