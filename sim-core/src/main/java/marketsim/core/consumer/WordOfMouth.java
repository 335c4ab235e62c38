package marketsim.core.consumer;

import java.util.random.RandomGenerator;

import marketsim.core.config.WordOfMouthConfig;
import marketsim.core.network.SocialNetwork;
import marketsim.core.random.StreamKey;
import marketsim.core.random.Streams;

/**
 * Word of mouth (MODEL.md 2.4), in the AFTERMATH phase: each consumer, with probability
 * {@code talkRate}, hears from one uniformly drawn neighbour on the social network. It learns of
 * every web store the neighbour knew at the start of the tick, so with advertising awareness
 * follows the Bass recursion {@code F' = F + (1 - F)(p + q F)} with imitation coefficient
 * {@code q = talkRate} (an unaware consumer learns with probability q times the aware share of
 * its neighbours). A neighbour who is a promoter of its last supplier also passes on a positive
 * attitude, {@code L += attitude (1 - L)} in the listener's stock with that firm; a detractor a
 * negative one, {@code L -= attitude L}.
 */
public final class WordOfMouth {
    private final Population population;
    private final SellerTerms terms;
    private final Marketing marketing;
    private final SocialNetwork network;
    private final WordOfMouthConfig config;
    private final RandomGenerator random;
    private final long[] awareAtStart;

    public WordOfMouth(Population population, SellerTerms terms, Marketing marketing, SocialNetwork network,
                       WordOfMouthConfig config, RandomGenerator random) {
        this.population = population;
        this.terms = terms;
        this.marketing = marketing;
        this.network = network;
        this.config = config;
        this.random = random;
        this.awareAtStart = new long[population.size];
    }

    /**
     * Word of mouth for a scenario, or null when it is off ({@code talkRate} 0): builds the social
     * network (the {@code NETWORK} stream) and talks on the {@code WORD_OF_MOUTH} stream.
     */
    public static WordOfMouth of(WordOfMouthConfig config, Population population, SellerTerms terms,
                                 Marketing marketing, long runSeed) {
        if (!config.enabled()) {
            return null;
        }
        SocialNetwork network = SocialNetwork.wattsStrogatz(population.size(), config.meanDegree(), config.rewiring(),
                Streams.stream(runSeed, StreamKey.NETWORK));
        return new WordOfMouth(population, terms, marketing, network, config,
                Streams.stream(runSeed, StreamKey.WORD_OF_MOUTH));
    }

    /** Bytes of the social network and of its per-consumer array (what everyone knew as the tick started). */
    public long bytes() {
        return network.bytes() + 8L * awareAtStart.length;
    }

    /** Remembers what everyone knows as the tick starts (before this tick's marketing). */
    public void startTick() {
        System.arraycopy(population.aware, 0, awareAtStart, 0, awareAtStart.length);
    }

    public void talk() {
        Population p = population;
        double rate = config.talkRate();
        double attitude = config.attitude();
        for (int i = 0; i < p.size; i++) {
            if (random.nextDouble() >= rate) {
                continue;
            }
            int speaker = network.randomNeighbour(i, random);
            if (speaker < 0) {
                continue;
            }
            if (awareAtStart[speaker] != 0) {
                marketing.learn(i, awareAtStart[speaker], terms.directFirm);
            }
            int firm = p.last[speaker];
            byte status = p.status[speaker];
            if (firm == Population.NONE || attitude == 0
                    || status != Population.STATUS_PROMOTER && status != Population.STATUS_DETRACTOR) {
                continue;
            }
            int slot = p.slotFor(i, terms.relationshipIndex[firm]);
            float stock = p.memoryStock[slot];
            p.memoryStock[slot] = status == Population.STATUS_PROMOTER
                    ? (float) (stock + attitude * (1 - stock))
                    : (float) (stock - attitude * stock);
        }
    }
}
