package marketsim.core.consumer;

import java.util.List;
import java.util.random.RandomGenerator;

import marketsim.core.config.DynamicsConfig;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.random.StreamKey;
import marketsim.core.random.Streams;

/**
 * Teaching purchase criteria: Dawar's "Tilt" (essay 000; MODEL.md 2.5; ODD 7.8 and 7.1), the
 * whole mechanism.
 *
 * <p><b>Education contacts</b> (FIRMS_DECIDE). A firm's education spend (money/tick) buys
 * {@code spend / costPerContact} contacts a tick in the market (market units); they reach
 * {@code contacts / w} simulated consumers ({@code w = M / N}, the fractional part by a Bernoulli
 * draw: {@link Population#reach}), each raising a uniformly drawn consumer's tilt {@code z} (in
 * [0,1]) by {@code step}, capped at 1, so the share of consumers taught does not depend on N. The
 * firm pays media (EDUCATION). Draws: the firm's own {@code EDUCATION} stream, keyed by its name.
 *
 * <p><b>The tilt of criteria</b> (CONSUMERS_SHOP). A consumer with tilt {@code z} chooses with
 * <pre>
 * alpha' = alpha (1 - priceShift z)      beta' = beta (1 + qualityShift z)
 * gamma' = gamma (1 + relationshipShift z)
 * </pre>
 * Tilt is the consumer's, not the teacher's: every quality-minded seller gains from it.
 *
 * <p><b>Decay</b> (AFTERMATH). Without reinforcement every tilt decays, {@code z <- z (1 - decay)}
 * each tick.
 */
public final class Teaching {
    private final Population population;
    private final Ledger ledger;
    private final double costPerContact;
    private final double step;
    private final double decay;
    private final double priceShift;
    private final double qualityShift;
    private final double relationshipShift;
    /** Each firm's education stream, by firm index. */
    private final RandomGenerator[] random;
    /** Whether any tilt was ever raised; until then every tilt is 0. */
    private boolean taught;

    /** @param costPerContact money per education contact ({@code market.cost_per_contact}) */
    public Teaching(Population population, DynamicsConfig.Teaching config, double costPerContact, Ledger ledger,
                    List<Firm> firms, long runSeed) {
        this.population = population;
        this.ledger = ledger;
        this.costPerContact = costPerContact;
        this.step = config.step();
        this.decay = config.decay();
        this.priceShift = config.priceShift();
        this.qualityShift = config.qualityShift();
        this.relationshipShift = config.relationshipShift();
        random = new RandomGenerator[firms.size()];
        for (Firm firm : firms) {
            random[firm.index()] = Streams.stream(runSeed, StreamKey.EDUCATION, Streams.nameKey(firm.name()));
        }
    }

    /** Firm {@code j} spends {@code spend} on education contacts and pays for them; returns the simulated consumers reached. */
    public long educate(int j, double spend) {
        RandomGenerator r = random[j];
        long contacts = population.reach(spend / costPerContact, r);
        float[] hot = population.hot;
        taught |= contacts > 0;
        for (long c = 0; c < contacts; c++) {
            int k = r.nextInt(population.size) * Population.STRIDE + Population.TILT;
            hot[k] = (float) Math.min(1.0, hot[k] + step);
        }
        ledger.post(PostingKind.EDUCATION, Ledger.firmAccount(j), Ledger.MEDIA, spend);
        return contacts;
    }

    /** {@code alpha (1 - priceShift z)}: the price sensitivity a consumer with tilt {@code z} chooses with. */
    double priceSensitivity(float alpha, float z) {
        return alpha * (1 - priceShift * z);
    }

    /** {@code beta (1 + qualityShift z)}. */
    double qualityWeight(float beta, float z) {
        return beta * (1 + qualityShift * z);
    }

    /** {@code gamma (1 + relationshipShift z)}. */
    double relationshipWeight(float gamma, float z) {
        return gamma * (1 + relationshipShift * z);
    }

    /** Every tilt decays by {@code decay} (AFTERMATH). */
    public void decay() {
        if (decay > 0) {
            float[] hot = population.hot;
            float keep = (float) (1 - decay);
            for (int i = 0; i < population.size; i++) {
                hot[i * Population.STRIDE + Population.TILT] *= keep;
            }
        }
    }

    /** Population mean of the price sensitivity consumers choose with, {@code alpha_i (1 - priceShift z_i)}. */
    public double meanPriceSensitivity() {
        float[] hot = population.hot;
        double sum = 0;
        for (int i = 0; i < population.size; i++) {
            int h = i * Population.STRIDE;
            sum += priceSensitivity(hot[h + Population.ALPHA], hot[h + Population.TILT]);
        }
        return sum / population.size;
    }

    /** Sum of every simulated consumer's tilt (times the weight: the market's). */
    public double tiltSum() {
        if (!taught) {
            return 0; // no one was ever taught: every tilt is still 0
        }
        float[] hot = population.hot;
        double sum = 0;
        for (int i = 0; i < population.size; i++) {
            sum += hot[i * Population.STRIDE + Population.TILT];
        }
        return sum;
    }
}
