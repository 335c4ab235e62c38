package marketsim.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.core.config.Trait;
import marketsim.core.consumer.Aftermath;
import marketsim.core.consumer.Marketing;
import marketsim.core.consumer.Population;
import marketsim.core.consumer.PurchaseLog;
import marketsim.core.consumer.SellerTerms;
import marketsim.core.consumer.Teaching;
import marketsim.core.consumer.Shopping;
import marketsim.core.consumer.WordOfMouth;
import marketsim.core.firm.DemandSlopes;
import marketsim.core.firm.ReviewContext;
import marketsim.core.network.SocialNetwork;
import marketsim.core.firm.Firm;
import marketsim.core.firm.Imitation;
import marketsim.core.firm.Innovation;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
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
 * One replication of the market: a MASON {@link SimState} whose schedule runs the
 * {@link Phase}s every tick. Fully determined by its {@link MarketConfig} and seed: each
 * component draws from its own stream derived from the seed ({@link StreamKey}).
 */
public final class MarketModel extends SimState {
    private static final long serialVersionUID = 1L;

    private final MarketConfig config;
    private final long runSeed;
    private final List<Firm> firms = new ArrayList<>();
    private final List<TickListener> listeners = new ArrayList<>();
    private transient Population population;
    private transient SellerTerms terms;
    private transient Ledger ledger;
    private transient Marketing marketing;
    private transient Platform platform;
    private transient Store store;
    private transient Shopping shopping;
    private transient DemandSlopes demandSlopes;
    private transient PurchaseLog purchases;
    /** Nanoseconds spent in each phase so far, and in setting up (drawing the population, the network). */
    private final long[] phaseNanos = new long[Phase.values().length];
    private long setupNanos;
    private transient Aftermath aftermath;
    private transient RandomGenerator[] marketingRandom;
    private transient Teaching teaching;
    private transient Imitation imitation;
    private transient Innovation innovation;
    private transient SocialNetwork network;
    private transient WordOfMouth wordOfMouth;
    private transient LiveControls controls;
    private transient Accounting accounting;
    private int platformAccount;
    private int storeAccount;
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

    /** Starts the model and steps it to the horizon; the record keeps where the time went. */
    public void runToEnd() {
        long t0 = System.nanoTime();
        start();
        setupNanos = System.nanoTime() - t0;
        while (tick < config.horizon()) {
            schedule.step(this);
        }
        finish();
        record().timing(setupNanos, phaseNanos, stateBytes());
    }

    public void addListener(TickListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        super.start();
        tick = 0;
        Arrays.fill(phaseNanos, 0);
        int n = config.firms().size();
        firms.clear();
        for (int j = 0; j < n; j++) {
            firms.add(new Firm(j, config.firms().get(j)));
        }
        population = Population.draw(config.population(), runSeed);
        terms = new SellerTerms(firms);
        ledger = new Ledger(n, 2);
        platformAccount = Ledger.firmAccount(n);
        storeAccount = Ledger.firmAccount(n + 1);
        marketing = new Marketing(population, n);
        marketingRandom = new RandomGenerator[n];
        imitation = new Imitation(firms, config.archetypes(), config.dynamics().adaptation().imitationRate(),
                Streams.stream(runSeed, StreamKey.ADAPTATION));
        innovation = new Innovation(ledger, config.dynamics().innovationCostPerStep());
        for (Firm firm : firms) {
            long key = Streams.nameKey(firm.name());
            int bit = terms.directBit(firm.index());
            if (bit >= 0) {
                marketing.seed(firm.index(), bit, firm.config().marketing().initialAwareness(),
                        Streams.stream(runSeed, StreamKey.INITIAL_AWARENESS, key));
            }
            marketingRandom[firm.index()] = Streams.stream(runSeed, StreamKey.MARKETING, key);
            ledger.post(PostingKind.CAPITAL, Ledger.OWNERS, Ledger.firmAccount(firm.index()),
                    firm.config().initialCash());
        }
        PlatformMembership membership = null;
        if (config.platform() != null) {
            platform = new Platform(config.platform(), firms, population.meanTrait(Trait.PRICE_SENSITIVITY),
                    population.meanTrait(Trait.QUALITY_WEIGHT), population.meanTrait(Trait.MISMATCH_COST),
                    population.meanTrait(Trait.PERSONALIZATION_RESPONSIVENESS),
                    Streams.stream(runSeed, StreamKey.PLATFORM_LISTING), ledger, platformAccount);
            membership = new PlatformMembership(platform, population, Streams.stream(runSeed, StreamKey.MEMBERSHIP));
            membership.seed();
            ledger.post(PostingKind.CAPITAL, Ledger.OWNERS, platformAccount, config.platform().initialCash());
        }
        DynamicsConfig dynamics = config.dynamics();
        if (dynamics.dominance().enabled()) {
            marketing.everyoneKnowsEverything(terms.directFirms(), config.platform() != null);
        }
        wordOfMouth = null;
        if (config.wordOfMouth().enabled()) {
            network = SocialNetwork.wattsStrogatz(population.size(), config.wordOfMouth().meanDegree(),
                    config.wordOfMouth().rewiring(), Streams.stream(runSeed, StreamKey.NETWORK));
            wordOfMouth = new WordOfMouth(population, terms, marketing, network, config.wordOfMouth(),
                    Streams.stream(runSeed, StreamKey.WORD_OF_MOUTH));
        }
        if (config.store() != null) {
            store = new Store(config.store(), firms, ledger, storeAccount);
            ledger.post(PostingKind.CAPITAL, Ledger.OWNERS, storeAccount, config.store().initialCash());
        }
        purchases = new PurchaseLog(population.size());
        teaching = new Teaching(population, dynamics.teaching(), config.rules().costPerContact(), ledger, firms, runSeed);
        shopping = new Shopping(population, terms, ledger, platform, store, config.population().outsideUtility(),
                dynamics, teaching, Streams.stream(runSeed, StreamKey.SHOPPING_ORDER),
                Streams.stream(runSeed, StreamKey.CHOICE), purchases);
        aftermath = new Aftermath(config, runSeed, population, terms, platform, membership, ledger, wordOfMouth, teaching,
                purchases);
        if (pricesByBestResponse(config)) {
            demandSlopes = new DemandSlopes(config.firms());
            shopping.setDemandSlopes(demandSlopes);
        }
        accounting = new Accounting(firms, ledger, platform, store, marketing, population, teaching,
                new RunRecord(config));
        controls = new LiveControls(n);

        schedule(Phase.FIRMS_DECIDE, state -> firmsDecide());
        schedule(Phase.INTERMEDIARIES_DECIDE, state -> intermediariesDecide());
        schedule(Phase.CONSUMERS_SHOP, state -> shopping.shop(accounting.firmTally(), accounting.platformTally(),
                accounting.marketTally()));
        schedule(Phase.AFTERMATH, state -> aftermath.run(accounting.firmTally(), accounting.platformTally()));
        schedule(Phase.ACCOUNTING, state -> closeTick());
    }

    /**
     * Bytes of the run's per-consumer state: the population's arrays, the social network and word
     * of mouth's copy of awareness, the shopping order and the tick's purchase log (what grows
     * with consumers; firms, the platform's ranking and the recorded metrics do not).
     */
    public long stateBytes() {
        return population.bytes() + (wordOfMouth == null ? 0 : network.bytes() + wordOfMouth.bytes()) + shopping.bytes()
                + purchases.bytes();
    }

    /** Whether any firm prices by best response, now or after imitating an archetype that does. */
    private static boolean pricesByBestResponse(MarketConfig config) {
        return config.firms().stream().anyMatch(f -> f.pricing() == PricingRuleName.BEST_RESPONSE)
                || config.archetypes().values().stream().anyMatch(f -> f.pricing() == PricingRuleName.BEST_RESPONSE);
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
     * FIRMS_DECIDE: at review ticks firms adapt (pricing rules learn, imitation, exit) from the
     * period just ended; every firm proposes a price from the same frozen state, then all commit;
     * innovation, marketing and education spend; sellers review their platform listing and store
     * application.
     */
    private void firmsDecide() {
        controls.applyTo(this);
        if (wordOfMouth != null) {
            wordOfMouth.startTick();
        }
        DynamicsConfig.Adaptation adaptation = config.dynamics().adaptation();
        if (tick > 0 && tick % adaptation.reviewEvery() == 0) {
            review(adaptation);
        }
        ledger.startTick();
        accounting.startTick();
        double[] proposed = new double[firms.size()];
        for (Firm firm : firms) {
            proposed[firm.index()] = firm.proposePrice();
        }
        for (Firm firm : firms) {
            firm.commitPrice(proposed[firm.index()]);
        }
        innovation.innovate(firms, aftermath::customerTasteAngle);
        terms.refresh(firms);
        for (Firm firm : firms) {
            int j = firm.index();
            if (!firm.active()) {
                continue;
            }
            if (controls.teaching() && firm.config().education() > 0) {
                teaching.educate(j, firm.config().education());
            }
            double spend = firm.config().marketing().spendPerTick();
            int bit = terms.directBit(j);
            if (spend > 0 && bit >= 0) {
                accounting.firmTally()[j][Field.CONTACTS.ordinal()] += marketing.reach(j, bit, spend,
                        config.rules().costPerContact(), marketingRandom[j]);
                ledger.post(PostingKind.MARKETING, Ledger.firmAccount(j), Ledger.MEDIA, spend);
            }
        }
        if (platform != null) {
            platform.reviewListings(tick);
        }
        if (store != null) {
            store.reviewApplications(tick);
        }
    }

    /**
     * The adaptation review (ODD 7.9), on the period just ended: every active firm's pricing rule
     * learns and its exit is checked; then imitation ({@link Imitation}); a new period starts.
     */
    private void review(DynamicsConfig.Adaptation adaptation) {
        ReviewContext context = new ReviewContext(accounting.periodOccasions(), teaching.meanPriceSensitivity(),
                adaptation.markupStep(), demandSlopes, adaptation.priceAdjustment());
        for (Firm firm : firms) {
            if (firm.active()) {
                firm.review(context, ledger.balance(Ledger.firmAccount(firm.index())), adaptation.exitAfter());
            }
        }
        imitation.imitate(firms);
        for (Firm firm : firms) {
            firm.startPeriod();
        }
        accounting.startPeriod();
        if (demandSlopes != null) {
            demandSlopes.reset();
        }
    }

    /** INTERMEDIARIES_DECIDE: the platform ranks every taste bin; the store fills its shelf. */
    private void intermediariesDecide() {
        if (platform != null) {
            platform.rank();
        }
        if (store != null) {
            store.fillShelf(tick);
        }
    }

    /** ACCOUNTING: the tick's costs, fees and tallies ({@link Accounting}); listeners; the horizon. */
    private void closeTick() {
        accounting.close(tick, imitation.archetypes());
        for (TickListener listener : listeners) {
            listener.tickClosed(this, tick);
        }
        tick++;
        if (tick == config.horizon()) {
            schedule.clear(); // the horizon is reached: nothing more runs (the classroom window stops here)
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

    /** Levers that may be moved while the model runs; applied at the next tick's start. */
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

    public int platformAccount() {
        return platformAccount;
    }

    public int storeAccount() {
        return storeAccount;
    }

    /** Ticks completed so far. */
    public int ticksDone() {
        return tick;
    }
}
