package marketsim.core.firm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import marketsim.core.config.Archetype;
import marketsim.core.config.FirmConfig;

/**
 * Imitation of a more profitable rival's strategy at a review (MODEL.md 3; ODD 7.9). The
 * candidates are the firms in the market other than the private label. Each candidate, with
 * probability {@code imitationRate}, draws one candidate uniformly (itself: nothing happens); if
 * that rival's profit over the period just ended was higher and it follows another archetype with
 * a lever bundle, the firm adopts that bundle ({@link Firm#adopt}). All decisions are taken on the
 * period's profits before any applies, so no adoption changes another firm's decision. This is
 * imitate-if-better, whose mean dynamics are like the replicator equation's (ODD 8).
 *
 * <p>Draws, from the {@code ADAPTATION} stream: per candidate one uniform, and the rival's index
 * when it looks; none when fewer than two candidates or the rate is 0.
 */
public final class Imitation {
    private final Map<Archetype, FirmConfig> bundles;
    private final double rate;
    private final RandomGenerator random;
    private final Archetype[] archetypeOf;

    /** @param bundles each archetype's lever bundle (an archetype without one is never adopted) */
    public Imitation(List<Firm> firms, Map<Archetype, FirmConfig> bundles, double rate, RandomGenerator random) {
        this.bundles = bundles;
        this.rate = rate;
        this.random = random;
        archetypeOf = new Archetype[firms.size()];
        for (Firm firm : firms) {
            archetypeOf[firm.index()] = firm.config().archetype();
        }
    }

    /** Draws who imitates whom, then applies the adoptions together. */
    public void imitate(List<Firm> firms) {
        List<Firm> candidates = new ArrayList<>();
        for (Firm firm : firms) {
            if (firm.active() && !firm.config().privateLabel()) {
                candidates.add(firm);
            }
        }
        Archetype[] adopt = new Archetype[firms.size()];
        if (rate > 0 && candidates.size() > 1) {
            for (Firm firm : candidates) {
                if (random.nextDouble() >= rate) {
                    continue;
                }
                Firm rival = candidates.get(random.nextInt(candidates.size()));
                Archetype theirs = rival.config().archetype();
                if (rival != firm && theirs != firm.config().archetype() && rival.periodProfit() > firm.periodProfit()
                        && bundles.containsKey(theirs)) {
                    adopt[firm.index()] = theirs;
                }
            }
        }
        for (Firm firm : firms) {
            if (adopt[firm.index()] != null) {
                firm.adopt(bundles.get(adopt[firm.index()]));
                archetypeOf[firm.index()] = adopt[firm.index()];
            }
        }
    }

    /** Each firm's archetype now, by firm index (the category its results are reported in). */
    public Archetype[] archetypes() {
        return archetypeOf;
    }
}
