package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import marketsim.core.config.MarketConfig;
import marketsim.core.firm.Innovation;
import marketsim.core.ledger.Ledger;
import marketsim.core.platform.Platform;
import marketsim.core.platform.PlatformMembership;
import marketsim.core.random.StreamKey;
import marketsim.core.random.Streams;

/**
 * The AFTERMATH phase, in the order of ODD section 3, step 4 (MODEL.md 1, step 4). Each step is
 * its mechanism's class:
 * <ol>
 *   <li>each purchase of the tick is experienced: failure or satisfaction, service contacts,
 *       relationship, status ({@link PurchaseExperience});
 *   <li>word of mouth ({@link WordOfMouth}), when on;
 *   <li>every relationship stock decays ({@link CustomerBase});
 *   <li>tastes move: the common trend and each consumer's drift ({@link TasteDrift});
 *   <li>teaching tilt decays ({@link Teaching#decay});
 *   <li>each firm's customer base is counted: who bought, switched or lapsed ({@link CustomerBase}); where
 *       the market keeps wallets, each firm's wallet customers by tenure ({@link Wallet});
 *   <li>consumers join or leave the platform ({@link PlatformMembership}).
 * </ol>
 * Within a step consumers go in index order; no consumer's step affects another's, so the order
 * decides only which random numbers each draws. Steps that touch nothing of each other's run in one pass: the
 * stocks decay in the customer base's pass over every consumer, which counts them decayed as step 6 would, and the
 * tastes innovation aims at are summed after they moved (steps 3 to 6 read and write disjoint state: stocks and
 * bases; tastes; tilts).
 */
public final class Aftermath implements Innovation.Tastes {
    private final Population population;
    private final PurchaseExperience experience;
    private final WordOfMouth wordOfMouth;
    private final TasteDrift drift;
    private final Teaching teaching;
    private final CustomerBase customers;
    private final Wallet wallet;
    private final PlatformMembership membership;

    /**
     * @param platform    the platform, or null; {@code membership} likewise
     * @param wordOfMouth word of mouth, or null when off
     */
    public Aftermath(MarketConfig config, long runSeed, Population population, SellerTerms terms, Platform platform,
                     PlatformMembership membership, Ledger ledger, WordOfMouth wordOfMouth, Teaching teaching,
                     PurchaseLog purchases) {
        this.wallet = config.keepsWallets() ? new Wallet(population, terms, config.categories(), config.lapseWindow(),
                config.tenureBand()) : null;
        this.population = population;
        this.experience = new PurchaseExperience(population, terms, config.rules(),
                platform == null ? null : platform.config(), ledger, Streams.stream(runSeed, StreamKey.EXPERIENCE),
                purchases);
        this.wordOfMouth = wordOfMouth;
        this.drift = new TasteDrift(population, config.dynamics().tasteDrift(), config.dynamics().trend(),
                Streams.stream(runSeed, StreamKey.TASTE_DRIFT));
        this.teaching = teaching;
        this.customers = new CustomerBase(population, terms, purchases, config.lapseWindow(),
                config.rules().relationshipDecay());
        this.membership = membership;
    }

    /** One tick's aftermath; tallies go to {@code firmTally[j]} and the platform's (null without one). */
    public void run(double[][] firmTally, double[] platformTally) {
        experience.experience(firmTally);
        if (wordOfMouth != null) {
            wordOfMouth.talk();
        }
        customers.count(firmTally); // with every stock's decay
        drift.drift();
        teaching.decay();
        customers.sumTastes();
        if (wallet != null) {
            wallet.count(firmTally);
        }
        if (membership != null) {
            long members = membership.update();
            platformTally[MEMBERS.ordinal()] = members * population.weight;
        }
    }

    /**
     * Consumers' histories with the firms they remember ({@link Wallet}), kept where the market has categories or
     * a firm's fit grows with tenure; null otherwise. Made here, with the customer base, before anyone shops.
     */
    public Wallet wallet() {
        return wallet;
    }

    @Override
    public double customerTasteAngle(int j) {
        return customers.tasteAngle(j);
    }

    @Override
    public double marketTasteShift() {
        return drift.shift();
    }
}
