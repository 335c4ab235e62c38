package marketsim.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import marketsim.core.config.MarketConfig;
import marketsim.core.config.Trait;
import marketsim.core.consumer.Aftermath;
import marketsim.core.consumer.Marketing;
import marketsim.core.consumer.Population;
import marketsim.core.consumer.PurchaseLog;
import marketsim.core.consumer.SellerTerms;
import marketsim.core.consumer.Shopping;
import marketsim.core.consumer.Teaching;
import marketsim.core.consumer.WordOfMouth;
import marketsim.core.firm.DemandSlopes;
import marketsim.core.firm.Firm;
import marketsim.core.firm.Imitation;
import marketsim.core.firm.Innovation;
import marketsim.core.firm.Review;
import marketsim.core.ledger.Ledger;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.core.platform.Platform;
import marketsim.core.platform.PlatformMembership;
import marketsim.core.random.StreamKey;
import marketsim.core.random.Streams;
import marketsim.core.store.Store;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One replication of the market: a MASON {@link SimState} whose schedule runs the {@link Phase}s every tick, in the
 * order of MODEL.md section 1 and ODD section 3. It builds the run (ODD section 5) and says which mechanism runs when;
 * each mechanism is its own class. Fully determined by its {@link MarketConfig} and seed: each component draws from
 * its own stream derived from the seed ({@link StreamKey}).
 */
public final class MarketModel extends SimState {
    private static final long serialVersionUID = 1L;

    private final MarketConfig config;
    private final long runSeed;
    private final List<Firm> firms = new ArrayList<>();
    private final List<TickListener> listeners = new ArrayList<>();
    /** Nanoseconds spent in each phase so far, and in setting up (drawing the population, the network). */
    private final long[] phaseNanos = new long[Phase.values().length];
    private long setupNanos;
    private transient Population population;
    private transient SellerTerms terms;
    private transient Ledger ledger;
    private transient Marketing marketing;
    private transient Teaching teaching;
    private transient WordOfMouth wordOfMouth;
    private transient Platform platform;
    private transient PlatformMembership membership;
    private transient Store store;
    private transient PurchaseLog purchases;
    private transient Shopping shopping;
    private transient Aftermath aftermath;
    private transient Imitation imitation;
    private transient Innovation innovation;
    private transient Review review;
    private transient Accounting accounting;
    private transient LiveControls controls;
    private int tick;

    /** Called at the end of every tick's ACCOUNTING phase, after metrics are recorded. */
    @FunctionalInterface
    public interface TickListener {
        void tickClosed(MarketModel model, int tick);
    }

    public MarketModel(MarketConfig config, long seed) {
        super(seed);
        this.config = config;
        this.runSeed = seed;
    }

    /** Runs all ticks of one replication and returns what it recorded. */
    public static RunRecord run(MarketConfig config, long seed) {
        MarketModel model = new MarketModel(config, seed);
        model.runToEnd();
        return model.record();
    }

    /**
     * Starts the model and steps it to the horizon; the record keeps where the time went. An interrupt of the
     * running thread (a batch of replications that failed or was cancelled) stops it at the next tick with a
     * {@link CancellationException}.
     */
    public void runToEnd() {
        long t0 = System.nanoTime();
        start();
        setupNanos = System.nanoTime() - t0;
        while (tick < config.horizon() && record().stoppedBy() < 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("run interrupted at tick " + tick);
            }
            schedule.step(this);
        }
        finish();
        record().timing(setupNanos, phaseNanos, stateBytes());
    }

    public void addListener(TickListener listener) {
        listeners.add(listener);
    }

    /**
     * Builds the run (ODD section 5) and schedules the five phases. Each component draws from its
     * own stream, so the order of construction decides no draw; what reads another's state comes
     * after it (initial awareness before customer dominance's wide search adds to it).
     */
    @Override
    public void start() {
        super.start();
        tick = 0;
        Arrays.fill(phaseNanos, 0);
        int n = config.firms().size();
        firms.clear();
        for (int j = 0; j < n; j++) {
            firms.add(new Firm(j, config.firms().get(j), config.categories()));
        }
        population = Population.draw(config.population(), config.categories(), runSeed);
        terms = new SellerTerms(firms);
        ledger = new Ledger(n, 2);
        marketing = new Marketing(population, terms, firms, ledger, config.rules().costPerContact(), runSeed);
        if (config.platform() != null) {
            platform = new Platform(config.platform(), firms, population.meanTrait(Trait.PRICE_SENSITIVITY),
                    population.meanTrait(Trait.QUALITY_WEIGHT), population.meanTrait(Trait.MISMATCH_COST),
                    population.meanTrait(Trait.PERSONALIZATION_RESPONSIVENESS),
                    Streams.stream(runSeed, StreamKey.PLATFORM_LISTING), ledger, Ledger.firmAccount(n));
            membership = new PlatformMembership(platform, population, Streams.stream(runSeed, StreamKey.MEMBERSHIP));
            membership.seed();
        }
        marketing.searchWidely(config.dynamics().dominance(), runSeed);
        wordOfMouth = WordOfMouth.of(config.dynamics().dominance().wordOfMouth(config.wordOfMouth()), population, terms,
                marketing, runSeed);
        if (config.store() != null) {
            store = new Store(config.store(), firms, ledger, Ledger.firmAccount(n + 1));
        }
        purchases = new PurchaseLog(population);
        teaching = new Teaching(population, terms, config.dynamics().teaching(), config.rules().costPerContact(), ledger,
                firms, runSeed);
        aftermath = new Aftermath(config, runSeed, population, terms, platform, membership, ledger, wordOfMouth,
                teaching, purchases); // before shopping: it keeps the consumers' wallets, if the market has them
        shopping = new Shopping(population, terms, ledger, platform, store, config.population().outsideUtility(),
                config.rules().channelDissimilarity(), config.dynamics(), teaching, purchases, config.categories(),
                Streams.stream(runSeed, StreamKey.SHOPPING_ORDER), Streams.stream(runSeed, StreamKey.CHOICE),
                Streams.stream(runSeed, StreamKey.EXAMINATION), Streams.stream(runSeed, StreamKey.CATEGORY),
                aftermath.wallet());
        DemandSlopes demand = DemandSlopes.neededBy(config);
        shopping.setDemandSlopes(demand);
        imitation = new Imitation(firms, config.archetypes(), config.dynamics().adaptation().imitationRate(),
                Streams.stream(runSeed, StreamKey.ADAPTATION));
        innovation = new Innovation(ledger, config.dynamics().innovationCostPerStep(), firms);
        review = new Review(firms, config.dynamics().adaptation(), ledger, imitation, demand, aftermath.wallet());
        accounting = new Accounting(firms, ledger, platform, store, marketing, population, teaching,
                new RunRecord(config));
        accounting.openBooks(config);
        controls = new LiveControls(n);

        schedule(Phase.FIRMS_DECIDE, state -> firmsDecide());
        schedule(Phase.INTERMEDIARIES_DECIDE, state -> intermediariesDecide());
        schedule(Phase.CONSUMERS_SHOP, state -> shopping.shop(accounting.firmTally(), accounting.platformTally(),
                accounting.marketTally()));
        schedule(Phase.AFTERMATH, state -> aftermath.run(accounting.firmTally(), accounting.platformTally()));
        schedule(Phase.ACCOUNTING, state -> closeTick());
    }

    /**
     * Bytes of the run's per-consumer state: the population's arrays, the social network and word of mouth's copy
     * of awareness, the tick's shoppers and their draws, the tick's purchase log and teaching's audience list (what grows with
     * consumers; firms, the platform's ranking and the recorded metrics do not).
     */
    public long stateBytes() {
        return population.bytes() + (wordOfMouth == null ? 0 : wordOfMouth.bytes()) + shopping.bytes()
                + purchases.bytes() + teaching.bytes();
    }

    /** Each phase's step, timed (two clock reads a phase and tick: noise, not cost). */
    private void schedule(Phase phase, Steppable step) {
        int p = phase.ordinal();
        Steppable timed = state -> {
            long t0 = System.nanoTime();
            step.step(state);
            phaseNanos[p] += System.nanoTime() - t0;
        };
        schedule.scheduleRepeating(Schedule.EPOCH, phase.ordinal(), timed, 1.0);
    }

    /**
     * FIRMS_DECIDE (ODD 3, step 1): the classroom window's levers; word of mouth's copy of
     * awareness; at review ticks the review ({@link Review}); the tick's flows and tallies start;
     * prices, set together; innovation; what consumers will see; education and marketing spend;
     * platform listings and store applications.
     */
    private void firmsDecide() {
        controls.applyTo(this);
        if (wordOfMouth != null) {
            wordOfMouth.startTick();
        }
        if (review.due(tick)) {
            review.run(accounting.periodOccasions(), teaching::meanPriceSensitivity);
            accounting.startPeriod();
        }
        ledger.startTick();
        accounting.startTick();
        Firm.setPricesTogether(firms, platform, store);
        innovation.innovate(firms, aftermath);
        terms.refresh(firms);
        for (Firm firm : firms) {
            if (firm.active()) {
                if (controls.teaching() && firm.config().education() > 0) {
                    teaching.educate(firm.index(), firm.config().education());
                }
                accounting.firmTally()[firm.index()][Field.CONTACTS.ordinal()] += marketing.advertise(firm.index(),
                        firm.config().marketing().spendPerTick());
            }
        }
        if (platform != null) {
            platform.reviewListings(tick);
        }
        if (store != null) {
            store.reviewApplications(tick);
        }
    }

    /** INTERMEDIARIES_DECIDE: the platform reviews its fees and ranks every taste bin; the store fills its shelf. */
    private void intermediariesDecide() {
        if (platform != null) {
            platform.reviewFees(tick, membership::memberShare);
            platform.rank();
        }
        if (store != null) {
            store.fillShelf(tick);
        }
    }

    /** ACCOUNTING: the tick's costs, fees and tallies, stop conditions ({@link Accounting}); listeners; the horizon. */
    private void closeTick() {
        accounting.close(tick, imitation.archetypes());
        for (TickListener listener : listeners) {
            listener.tickClosed(this, tick);
        }
        tick++;
        if (tick == config.horizon() || record().stoppedBy() >= 0) {
            schedule.clear(); // the horizon or a stop condition is reached: nothing more runs
        }
    }

    public MarketConfig config() {
        return config;
    }

    public RunRecord record() {
        return accounting.record();
    }

    public Ledger ledger() {
        return ledger;
    }

    public Population population() {
        return population;
    }

    public List<Firm> firms() {
        return List.copyOf(firms);
    }

    /** Levers moved mid-run, applied at the next tick; new at each {@link #start()}: look them up, never keep them. */
    public LiveControls controls() {
        return controls;
    }

    Shopping shopping() {
        return shopping;
    }

    /** The platform, or null. */
    public Platform platform() {
        return platform;
    }

    /** The store, or null. */
    public Store store() {
        return store;
    }

    /** Ticks completed so far. */
    public int ticksDone() {
        return tick;
    }
}
