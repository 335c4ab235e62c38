package marketsim.core.consumer;

import java.util.random.RandomGenerator;

/**
 * Awareness of firms' web stores (platform and store offers need none). At start each consumer is aware of firm {@code j} with probability
 * {@code initialAwareness_j}; each tick firm {@code j} buys {@code spend_j / costPerContact}
 * contacts (the fractional part by a Bernoulli draw), each reaching a consumer drawn uniformly,
 * who becomes aware if not already. Without forgetting, the unaware share then falls by the
 * factor {@code (1 - 1/N)^contacts} per tick: the innovation term of a Bass curve.
 */
public final class Marketing {
    private final Population population;
    private final long[] awareCount;

    public Marketing(Population population, int firms) {
        this.population = population;
        this.awareCount = new long[firms];
    }

    /** Draws initial awareness of firm {@code j}, whose web store has awareness bit {@code bit}. */
    public void seed(int j, int bit, double initialAwareness, RandomGenerator random) {
        for (int i = 0; i < population.size; i++) {
            if (random.nextDouble() < initialAwareness && population.makeAware(i, bit)) {
                awareCount[j]++;
            }
        }
    }

    /** Spends on contacts for firm {@code j} (awareness bit {@code bit}); returns the contacts bought. */
    public long reach(int j, int bit, double spend, double costPerContact, RandomGenerator random) {
        double exact = spend / costPerContact;
        long contacts = (long) Math.floor(exact);
        if (random.nextDouble() < exact - contacts) {
            contacts++;
        }
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

    /** Everyone knows every web store (customer dominance). */
    public void everyoneKnowsEverything(int[] directFirm, boolean members) {
        population.knowEverything(directFirm.length, members);
        for (int j : directFirm) {
            awareCount[j] = population.size;
        }
    }

    /** Consumers aware of firm {@code j}. */
    public long aware(int j) {
        return awareCount[j];
    }
}
