package marketsim.core.consumer;

import static marketsim.core.metrics.Field.TAUGHT_TILT;
import static marketsim.core.metrics.Field.TILT_SUM;

import java.util.Arrays;
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
 * whole mechanism. Teaching that belongs to the teacher: the consumers it reaches first are its
 * own, and what they learn favours it over its rivals by as much as the spill-over leaves.
 *
 * <p><b>Education contacts</b> (FIRMS_DECIDE). A firm's education spend (money/tick) buys
 * {@code spend / costPerContact} contacts a tick in the market (market units); they reach
 * {@code contacts / w} simulated consumers ({@code w = M / N}, the fractional part by a Bernoulli
 * draw: {@link Population#reach}), so the share of consumers taught does not depend on N. Its own
 * customers come first: a contact reaches, with probability {@code audienceShare}, one of the
 * firm's customers (whose last supplier it is) drawn uniformly, otherwise one of the other
 * consumers aware of its web store, drawn uniformly; when either group is empty the contact goes
 * to the other, and to anyone when both are (or when {@code audienceShare} is 0: the old public
 * good, contacts landing on random consumers). The consumer's tilt {@code z} in [0,1] is toward one teacher: a contact from that
 * teacher, or reaching an untilted consumer, raises it by {@code step} (capped at 1) and makes the
 * firm its teacher; a contact from another firm first undoes the old tilt, {@code z <- z - step},
 * and past 0 turns it round, {@code z <- step - z} toward the new teacher. The firm pays media
 * (EDUCATION). Draws: the firm's own {@code EDUCATION} stream, keyed by its name; per contact the
 * customer-or-not draw (only when it has customers and {@code audienceShare} is strictly between 0
 * and 1), then the consumer.
 *
 * <p><b>The tilt of criteria</b> (CONSUMERS_SHOP). A consumer with tilt {@code z} judges its
 * teacher's offers with
 * <pre>
 * alpha' = alpha (1 - priceShift z)      beta' = beta (1 + qualityShift z)
 * gamma' = gamma (1 + relationshipShift z)        + attributeWeight z   (the teacher's new attribute)
 * </pre>
 * and every other seller's with the same formulas at {@code spillover z}: rivals gain from the
 * criteria the teacher taught only by the spill-over (1: teaching is a public good, as it was
 * before issue 19; 0: what is taught is the teacher's own criterion, its quality and relationship
 * as the consumer learnt to see them). Consumer surplus is converted to money with the rivals'
 * {@code alpha'}.
 *
 * <p><b>Decay</b> (AFTERMATH). Without reinforcement every tilt decays, {@code z <- z (1 - decay)}
 * each tick.
 */
public final class Teaching {
    private final Population population;
    private final SellerTerms terms;
    private final Ledger ledger;
    private final double costPerContact;
    private final double step;
    private final double decay;
    private final double priceShift;
    private final double qualityShift;
    private final double relationshipShift;
    private final double spillover;
    private final double audienceShare;
    private final double attributeWeight;
    /** Each firm's education stream, by firm index. */
    private final RandomGenerator[] random;
    /** Scratch: the current teacher's audience, rebuilt when it teaches; made at the first teaching to an audience. */
    private int[] audience;
    /** Scratch: tilt toward each firm, summed by {@link #tally}. */
    private final double[] taughtBy;
    /** How many of the current teacher's customers, and of the others aware of it, {@link #audience} holds. */
    private int customerCount;
    private int awareCount;
    /** Whether any tilt was ever raised; until then every tilt is 0. */
    private boolean taught;
    /**
     * Whether {@link #taughtBy} and {@link #tiltTotal} hold the tilts as they are now (summed by the decay pass), so
     * that {@link #tally} need not read every consumer again; any change of a tilt clears it.
     */
    private boolean tallied;
    private double tiltTotal;

    /** @param costPerContact money per education contact ({@code market.cost_per_contact}) */
    public Teaching(Population population, SellerTerms terms, DynamicsConfig.Teaching config, double costPerContact,
                    Ledger ledger, List<Firm> firms, long runSeed) {
        this.population = population;
        this.terms = terms;
        this.ledger = ledger;
        this.costPerContact = costPerContact;
        this.step = config.step();
        this.decay = config.decay();
        this.priceShift = config.priceShift();
        this.qualityShift = config.qualityShift();
        this.relationshipShift = config.relationshipShift();
        this.spillover = config.spillover();
        this.audienceShare = config.audienceShare();
        this.attributeWeight = config.attributeWeight();
        random = new RandomGenerator[firms.size()];
        for (Firm firm : firms) {
            random[firm.index()] = Streams.stream(runSeed, StreamKey.EDUCATION, Streams.nameKey(firm.name()));
        }
        taughtBy = new double[firms.size()];
    }

    /** Firm {@code j} spends {@code spend} on education contacts and pays for them; returns the simulated consumers reached. */
    public long educate(int j, double spend) {
        RandomGenerator r = random[j];
        long contacts = population.reach(spend / costPerContact, r);
        int customers = 0;
        int aware = 0;
        if (contacts > 0 && audienceShare > 0) {
            gatherAudience(j);
            customers = customerCount;
            aware = awareCount;
        }
        boolean drawAudience = audienceShare > 0 && audienceShare < 1;
        Population p = population;
        float[] hot = p.hot;
        short[] teacher = p.teacher;
        float up = (float) step;
        taught |= contacts > 0;
        tallied = false;
        for (long c = 0; c < contacts; c++) {
            int i;
            if (customers > 0 && (!drawAudience || r.nextDouble() < audienceShare)) {
                i = audience[r.nextInt(customers)]; // its own customers, from the front of the list
            } else if (aware > 0) {
                i = audience[audience.length - 1 - r.nextInt(aware)]; // the others aware of it, from the back
            } else {
                i = r.nextInt(p.size);
            }
            int k = i * Population.STRIDE + Population.TILT;
            float z = hot[k];
            if (teacher[i] == j || z == 0) {
                teacher[i] = (short) j;
                hot[k] = Math.min(1f, z + up);
            } else if (z >= up) {
                hot[k] = z - up; // undoing another teacher's tilt
            } else {
                teacher[i] = (short) j;
                hot[k] = Math.min(1f, up - z);
            }
        }
        ledger.post(PostingKind.EDUCATION, Ledger.firmAccount(j), Ledger.MEDIA, spend);
        return contacts;
    }

    /**
     * Lists firm {@code j}'s audience in {@link #audience}: its customers (whose last supplier it is) from the front,
     * {@link #customerCount} of them, and the other consumers aware of its web store from the back,
     * {@link #awareCount} of them (none for a firm without a web store).
     */
    private void gatherAudience(int j) {
        Population p = population;
        if (audience == null) {
            audience = new int[p.size]; // once a run, when someone first teaches (a firm may take up teaching by imitation)
        }
        int bit = terms.directBit(j);
        long mask = bit >= 0 ? 1L << bit : 0;
        short[] last = p.last;
        long[] aware = p.aware;
        int front = 0;
        int back = audience.length - 1;
        for (int i = 0; i < p.size; i++) {
            if (last[i] == j) {
                audience[front++] = i;
            } else if ((aware[i] & mask) != 0) {
                audience[back--] = i;
            }
        }
        customerCount = front;
        awareCount = audience.length - 1 - back;
    }

    /** The tilt a consumer with tilt {@code z} judges sellers other than its teacher with: {@code spillover z}. */
    float rivalTilt(float z) {
        return (float) (spillover * z);
    }

    /** Whether anyone was ever taught: until then every tilt is 0 and no consumer has a teacher. */
    boolean anyTaught() {
        return taught;
    }

    /** The firm consumer {@code i} was taught by, or {@link Population#NONE}. */
    int teacher(int i) {
        return population.teacher[i];
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

    /** {@code attributeWeight z}: the utility of the teacher's new attribute at tilt {@code z}. */
    double attribute(float z) {
        return attributeWeight * z;
    }

    /**
     * Every tilt decays by {@code decay} (AFTERMATH). The same pass sums the decayed tilts for {@link #tally}, which
     * comes next (ACCOUNTING) with no tilt changed in between: one pass over every consumer's traits, not two.
     */
    public void decay() {
        tallied = false;
        if (decay > 0 && taught) { // until someone is taught every tilt is 0, and stays 0
            Arrays.fill(taughtBy, 0);
            float[] hot = population.hot;
            short[] teacher = population.teacher;
            float keep = (float) (1 - decay);
            double sum = 0;
            for (int i = 0; i < population.size; i++) {
                int k = i * Population.STRIDE + Population.TILT;
                float z = hot[k] * keep;
                hot[k] = z;
                sum += z;
                if (teacher[i] != Population.NONE) {
                    taughtBy[teacher[i]] += z;
                }
            }
            tiltTotal = sum;
            tallied = true;
        }
    }

    /**
     * Population mean of the price sensitivity consumers judge the market with,
     * {@code alpha_i (1 - priceShift spillover z_i)} (what a seller other than the teacher faces).
     */
    public double meanPriceSensitivity() {
        float[] hot = population.hot;
        double sum = 0;
        for (int i = 0; i < population.size; i++) {
            int h = i * Population.STRIDE;
            sum += priceSensitivity(hot[h + Population.ALPHA], rivalTilt(hot[h + Population.TILT]));
        }
        return sum / population.size;
    }

    /**
     * Adds every simulated consumer's tilt, times the weight (the market's), to the market's {@code TILT_SUM} and to its teacher's {@code TAUGHT_TILT}
     * (ACCOUNTING).
     */
    public void tally(double[][] firmTally, double[] market) {
        if (!taught) {
            return; // no one was ever taught: every tilt is still 0
        }
        if (!tallied) { // no decay pass summed them this tick
            Arrays.fill(taughtBy, 0);
            float[] hot = population.hot;
            short[] teacher = population.teacher;
            double sum = 0;
            for (int i = 0; i < population.size; i++) {
                float z = hot[i * Population.STRIDE + Population.TILT];
                sum += z;
                if (teacher[i] != Population.NONE) {
                    taughtBy[teacher[i]] += z;
                }
            }
            tiltTotal = sum;
        }
        tallied = false;
        double sum = tiltTotal;
        market[TILT_SUM.ordinal()] += sum * population.weight;
        for (int j = 0; j < taughtBy.length; j++) {
            firmTally[j][TAUGHT_TILT.ordinal()] += taughtBy[j] * population.weight;
        }
    }

    /** Sum of every simulated consumer's tilt. */
    public double tiltSum() {
        if (!taught) {
            return 0;
        }
        float[] hot = population.hot;
        double sum = 0;
        for (int i = 0; i < population.size; i++) {
            sum += hot[i * Population.STRIDE + Population.TILT];
        }
        return sum;
    }

    /** Bytes of the per-consumer scratch teaching keeps (the audience list, once anyone taught its audience). */
    public long bytes() {
        return audience == null ? 0 : 4L * audience.length;
    }
}
