package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import java.util.random.RandomGenerator;

import marketsim.core.config.Channel;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PlatformConfig;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;

/**
 * The experience of a purchase: satisfaction or failure, service contacts, the relationship
 * stock it moves and the status it leaves (MODEL.md 2.2 loyalty and 2.3 failure demand; ODD 7.2).
 *
 * <p><b>Failure demand</b> (Seddon, essay 001). A purchase from {@code j} fails with probability
 * {@code f_j}; then {@code g = -failurePenalty}, the consumer contacts the seller's service
 * (failure demand) and becomes a detractor with probability {@code failureDetractorShare},
 * passive otherwise. Independently of failure, a purchase leads to a value-demand contact with
 * probability {@code valueContactRate}. Each contact costs the seller its cost per contact
 * (SERVICE, to overhead). A simulated consumer's purchase is {@code w = M / N} purchases, so its
 * failure and contacts count, and cost, {@code w} times ({@link Population}).
 *
 * <p><b>Satisfaction</b> (Oliver 1980). Otherwise realized quality is {@code q_j + noise Z}
 * ({@code Z} standard normal) and {@code g = 1 / (1 + exp(-kappa (realized - e_i)))}, in (0,1);
 * the consumer becomes a promoter when {@code g >= promoterThreshold}, a detractor when
 * {@code g <= detractorThreshold}, passive otherwise (Reichheld 2003).
 *
 * <p><b>Loyalty</b> (Weisbuch, Kirman and Herreiner 2000). A stock {@code L} in [0,1] moves by
 * {@code eta g (1 - L)} when {@code g >= 0} and by {@code eta g L} when {@code g < 0}; a purchase
 * that would lower a stock the consumer does not remember changes nothing (no memory slot is
 * spent on it). Bought direct or in the store, the seller's stock moves with its {@code eta_j};
 * on the platform, a third party's stock moves with {@code omega eta_j} and the platform's own
 * with the platform's rate (the private label's stock is the platform's). Every tick all stocks
 * then decay, {@code L <- L (1 - delta)} ({@link CustomerBase}).
 *
 * <p>Draws, from the {@code EXPERIENCE} stream, per purchase in consumer order: the failure (if
 * {@code f_j > 0}); after a failure the detractor draw (if its share is positive), otherwise the
 * quality noise (if positive); the value-demand contact (if its rate is positive).
 */
public final class PurchaseExperience {
    private static final byte PLATFORM = Channel.PLATFORM.code();
    /**
     * An exponent below which {@code exp(a) < 2^-53} (half an ulp of 1; {@code ln 2^-53 = -36.74}): a numerical
     * bound, not a model parameter ({@link #satisfaction}).
     */
    private static final double NEGLIGIBLE_EXPONENT = -37;

    private final Population population;
    private final SellerTerms terms;
    private final MarketRules rules;
    private final PlatformConfig platform;
    private final Ledger ledger;
    private final RandomGenerator random;
    private final PurchaseLog purchases;
    /** The highest quality expectation of any consumer (a trait drawn once, never changed). */
    private final float highestExpectation;

    /** @param platform the platform's levers, or null without a platform */
    public PurchaseExperience(Population population, SellerTerms terms, MarketRules rules, PlatformConfig platform,
                              Ledger ledger, RandomGenerator random, PurchaseLog purchases) {
        this.population = population;
        this.terms = terms;
        this.rules = rules;
        this.platform = platform;
        this.ledger = ledger;
        this.random = random;
        this.purchases = purchases;
        float highest = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < population.size; i++) {
            highest = Math.max(highest, population.get(i, Population.EXPECTATION));
        }
        this.highestExpectation = highest;
    }

    /** Each purchase of the tick, in consumer order, is experienced; failures and contacts go to {@code firmTally}. */
    public void experience(double[][] firmTally) {
        Population p = population;
        double noise = rules.qualityNoise();
        for (int i = purchases.next(0); i >= 0; i = purchases.next(i + 1)) {
            int j = purchases.seller(i);
            double g;
            boolean failed = terms.failureRate[j] > 0 && random.nextDouble() < terms.failureRate[j];
            boolean detractor = false;
            if (failed) {
                g = -rules.failurePenalty();
                firmTally[j][FAILURES.ordinal()] += p.weight;
                firmTally[j][FAILURE_CONTACTS.ordinal()] += p.weight;
                serviceContact(j);
                detractor = rules.failureDetractorShare() > 0 && random.nextDouble() < rules.failureDetractorShare();
            } else {
                double realized = terms.quality[j] + (noise > 0 ? noise * random.nextGaussian() : 0);
                double kappa = rules.satisfactionSensitivity();
                // No consumer expects more than the highest expectation: if even that one's exponent is negligible,
                // so is this consumer's, and g = 1 without reading its expectation (a cache miss per purchase).
                g = kappa >= 0 && -kappa * (realized - highestExpectation) < NEGLIGIBLE_EXPONENT ? 1
                        : satisfaction(-kappa * (realized - p.get(i, Population.EXPECTATION)));
            }
            double eta = terms.relationshipRate[j];
            int slot; // where the stock with the seller's relationship index is: the customer count's hint
            if (purchases.channel(i) == PLATFORM && !terms.privateLabel[j]) {
                slot = move(i, j, platform.relationshipShare() * eta, g);
                move(i, terms.platformIndex, platform.relationshipRate(), g);
            } else {
                slot = move(i, terms.relationshipIndex[j], eta, g);
            }
            if (slot >= 0) {
                p.slotHint[i] = (byte) (slot - i * p.slots);
            }
            if (rules.valueContactRate() > 0 && random.nextDouble() < rules.valueContactRate()) {
                firmTally[j][VALUE_CONTACTS.ordinal()] += p.weight;
                serviceContact(j);
            }
            p.status[i] = failed ? (detractor ? Population.STATUS_DETRACTOR : Population.STATUS_PASSIVE)
                    : g >= rules.promoterThreshold() ? Population.STATUS_PROMOTER
                    : g <= rules.detractorThreshold() ? Population.STATUS_DETRACTOR
                    : Population.STATUS_PASSIVE;
        }
    }

    /**
     * {@code g = 1 / (1 + exp(a))}. Below {@link #NEGLIGIBLE_EXPONENT}, {@code exp(a)} is under half an ulp of 1, so
     * {@code 1 + exp(a)} rounds to exactly 1 and so does {@code g}: it is 1 without the exponential, to the last bit
     * (a purchase far above expectation, as every purchase in bench-reference).
     */
    private static double satisfaction(double a) {
        return a < NEGLIGIBLE_EXPONENT ? 1 : 1 / (1 + Math.exp(a));
    }

    private void serviceContact(int j) {
        if (terms.serviceCost[j] > 0) {
            ledger.post(PostingKind.SERVICE, Ledger.firmAccount(j), Ledger.OVERHEAD,
                    population.weight * terms.serviceCost[j]);
        }
    }

    /** Moves consumer i's stock with relationship index {@code index}; returns its memory slot, or -1 if it has none. */
    private int move(int i, int index, double eta, double g) {
        Population p = population;
        if (eta * g <= 0 && !p.remembers(i, index)) {
            return -1; // nothing to lose, and no memory slot to spend on it
        }
        int slot = p.slotFor(i, index);
        float stock = p.memoryStock[slot];
        stock += (float) (g >= 0 ? eta * g * (1 - stock) : eta * g * stock);
        p.memoryStock[slot] = stock;
        return slot;
    }
}
