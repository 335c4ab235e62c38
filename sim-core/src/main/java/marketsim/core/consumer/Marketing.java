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
 * Awareness of firms' web stores (platform and store offers need none; MODEL.md 2.4, ODD 7.3).
 * At start each consumer is aware of firm {@code j}'s web store with probability
 * {@code initialAwareness_j}; each tick firm {@code j} buys {@code spend_j / costPerContact}
 * contacts in the market (market units), paying media (MARKETING). They reach
 * {@code contacts / w} simulated consumers ({@code w = M / N}, the fractional part by a Bernoulli
 * draw: {@link Population#reach}), each drawn uniformly, who becomes aware if not already.
 * Without forgetting, the unaware share then falls by the factor
 * {@code (1 - 1/N)^(contacts / w)}, about {@code exp(-contacts / M)}, per tick, whatever N: the
 * innovation term of a Bass curve (Bass 1969). Awareness counts are of simulated consumers; the
 * accounts scale them by {@code w}. Draws: per firm, its {@code INITIAL_AWARENESS} stream at the
 * start and its {@code MARKETING} stream each tick, both keyed by its name.
 */
public final class Marketing {
    private final Population population;
    private final SellerTerms terms;
    private final Ledger ledger;
    private final double costPerContact;
    private final long[] awareCount;
    /** Each firm's marketing stream, by firm index. */
    private final RandomGenerator[] random;
    /** Each firm's stream key (its name's), by firm index. */
    private final long[] firmKey;

    /** Draws who knows each web store at the start; {@code costPerContact} in money per contact. */
    public Marketing(Population population, SellerTerms terms, List<Firm> firms, Ledger ledger, double costPerContact,
                     long runSeed) {
        this.population = population;
        this.terms = terms;
        this.ledger = ledger;
        this.costPerContact = costPerContact;
        this.awareCount = new long[firms.size()];
        this.random = new RandomGenerator[firms.size()];
        this.firmKey = new long[firms.size()];
        for (Firm firm : firms) {
            long key = Streams.nameKey(firm.name());
            firmKey[firm.index()] = key;
            int bit = terms.directBit(firm.index());
            if (bit >= 0) {
                seed(firm.index(), bit, firm.config().marketing().initialAwareness(),
                        Streams.stream(runSeed, StreamKey.INITIAL_AWARENESS, key));
            }
            random[firm.index()] = Streams.stream(runSeed, StreamKey.MARKETING, key);
        }
    }

    /** Draws initial awareness of firm {@code j}, whose web store has awareness bit {@code bit}. */
    private void seed(int j, int bit, double initialAwareness, RandomGenerator random) {
        for (int i = 0; i < population.size; i++) {
            if (random.nextDouble() < initialAwareness && population.makeAware(i, bit)) {
                awareCount[j]++;
            }
        }
    }

    /**
     * Firm {@code j} spends {@code spend} on marketing contacts and pays for them; returns the
     * contacts made, in market units (the simulated consumers reached times their weight; none
     * without spend or without a web store to learn of).
     */
    public double advertise(int j, double spend) {
        int bit = terms.directBit(j);
        if (spend <= 0 || bit < 0) {
            return 0;
        }
        long reached = reach(j, bit, spend, random[j]);
        ledger.post(PostingKind.MARKETING, Ledger.firmAccount(j), Ledger.MEDIA, spend);
        return reached * population.weight;
    }

    /** Reaches the simulated consumers that {@code spend}'s contacts stand for; returns how many. */
    private long reach(int j, int bit, double spend, RandomGenerator random) {
        long contacts = population.reach(spend / costPerContact, random);
        for (long c = 0; c < contacts; c++) {
            int i = random.nextInt(population.size);
            if (population.makeAware(i, bit)) {
                awareCount[j]++;
            }
        }
        return contacts;
    }

    /** Consumer {@code i} learns of the web stores in {@code bits} (word of mouth). */
    void learn(int i, long bits, int[] directFirm) {
        long fresh = bits & ~population.aware[i];
        if (fresh == 0) {
            return;
        }
        population.aware[i] |= fresh;
        while (fresh != 0) {
            awareCount[directFirm[Long.numberOfTrailingZeros(fresh)]]++;
            fresh &= fresh - 1;
        }
    }

    /**
     * Under customer dominance consumers search widely (essay 003): each consumer unaware of a web store learns
     * of it with probability {@code awareness} (1: everyone knows every web store, drawing nothing). Without
     * dominance nothing happens. Draws: per firm with a web store, one uniform per consumer not yet aware of it,
     * from its {@code SEARCH} stream.
     */
    public void searchWidely(DynamicsConfig.CustomerDominance dominance, long runSeed) {
        if (!dominance.enabled()) {
            return;
        }
        double awareness = dominance.awareness();
        int[] directFirm = terms.directFirm;
        if (awareness >= 1) {
            population.knowEverything(directFirm.length);
            for (int j : directFirm) {
                awareCount[j] = population.size;
            }
            return;
        }
        for (int bit = 0; bit < directFirm.length; bit++) {
            int j = directFirm[bit];
            RandomGenerator search = Streams.stream(runSeed, StreamKey.SEARCH, firmKey[j]);
            for (int i = 0; i < population.size; i++) {
                if ((population.aware[i] & 1L << bit) == 0 && search.nextDouble() < awareness
                        && population.makeAware(i, bit)) {
                    awareCount[j]++;
                }
            }
        }
    }

    /** Simulated consumers aware of firm {@code j} (times the weight: the market's). */
    public long aware(int j) {
        return awareCount[j];
    }
}
