package marketsim.core;

import static marketsim.core.metrics.Field.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ec.util.MersenneTwisterFast;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.consumer.Aftermath;
import marketsim.core.consumer.Marketing;
import marketsim.core.consumer.Population;
import marketsim.core.consumer.PurchaseLog;
import marketsim.core.consumer.SellerTerms;
import marketsim.core.consumer.Shopping;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.StreamKey;
import marketsim.core.random.Streams;
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
    private transient Shopping shopping;
    private transient Aftermath aftermath;
    private transient MersenneTwisterFast[] marketingRandom;
    private transient double[][] firmTally;
    private transient double[] marketTally;
    private transient double[] customersAtStart;
    private transient RunRecord record;
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

    /** Starts the model and steps it to the horizon. */
    public void runToEnd() {
        start();
        while (tick < config.horizon()) {
            schedule.step(this);
        }
        finish();
    }

    public void addListener(TickListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        super.start();
        tick = 0;
        int n = config.firms().size();
        firms.clear();
        for (int j = 0; j < n; j++) {
            firms.add(new Firm(j, config.firms().get(j)));
        }
        population = Population.draw(config.population(), runSeed);
        terms = new SellerTerms(n);
        ledger = new Ledger(n);
        marketing = new Marketing(population, n);
        marketingRandom = new MersenneTwisterFast[n];
        for (Firm firm : firms) {
            long key = Streams.nameKey(firm.name());
            marketing.seed(firm.index(), firm.config().marketing().initialAwareness(),
                    Streams.stream(runSeed, StreamKey.INITIAL_AWARENESS, key));
            marketingRandom[firm.index()] = Streams.stream(runSeed, StreamKey.MARKETING, key);
            ledger.post(PostingKind.CAPITAL, Ledger.OWNERS, Ledger.firmAccount(firm.index()),
                    firm.config().initialCash());
        }
        PurchaseLog purchases = new PurchaseLog(population.size());
        shopping = new Shopping(population, terms, ledger, config.population().outsideUtility(),
                Streams.stream(runSeed, StreamKey.SHOPPING_ORDER),
                Streams.stream(runSeed, StreamKey.CHOICE), purchases);
        aftermath = new Aftermath(population, terms, config.rules(),
                Streams.stream(runSeed, StreamKey.EXPERIENCE), purchases);
        firmTally = new double[n][Field.COUNT];
        marketTally = new double[Field.COUNT];
        customersAtStart = new double[n];
        record = new RunRecord(config.firms(), config.horizon());

        schedule(Phase.FIRMS_DECIDE, state -> firmsDecide());
        schedule(Phase.CONSUMERS_SHOP, state -> shopping.shop(firmTally, marketTally));
        schedule(Phase.AFTERMATH, state -> aftermath.run(firmTally));
        schedule(Phase.ACCOUNTING, state -> closeTick());
    }

    private void schedule(Phase phase, Steppable step) {
        schedule.scheduleRepeating(Schedule.EPOCH, phase.ordinal(), step, 1.0);
    }

    /** FIRMS_DECIDE: every firm proposes from the same frozen state, then all commit. */
    private void firmsDecide() {
        ledger.startTick();
        for (double[] t : firmTally) {
            Arrays.fill(t, 0);
        }
        Arrays.fill(marketTally, 0);
        double[] proposed = new double[firms.size()];
        for (Firm firm : firms) {
            proposed[firm.index()] = firm.proposePrice();
        }
        for (Firm firm : firms) {
            firm.commitPrice(proposed[firm.index()]);
        }
        terms.refresh(firms);
        for (Firm firm : firms) {
            double spend = firm.config().marketing().spendPerTick();
            if (spend > 0) {
                int j = firm.index();
                firmTally[j][CONTACTS.ordinal()] += marketing.reach(j, spend,
                        config.rules().costPerContact(), marketingRandom[j]);
                ledger.post(PostingKind.MARKETING, Ledger.firmAccount(j), Ledger.MEDIA, spend);
            }
        }
    }

    /** ACCOUNTING: post the tick's fixed and per-customer costs and record the tallies. */
    private void closeTick() {
        for (Firm firm : firms) {
            int j = firm.index();
            int account = Ledger.firmAccount(j);
            FirmConfig c = firm.config();
            ledger.post(PostingKind.FIXED_COST, account, Ledger.OVERHEAD, c.direct().fixedCostPerTick());
            double perCustomer = c.personalization().costPerCustomer() * firmTally[j][CUSTOMERS.ordinal()];
            ledger.post(PostingKind.PERSONALIZATION, account, Ledger.OVERHEAD,
                    c.personalization().fixedCostPerTick() + perCustomer);

            double[] t = firmTally[j];
            t[FIRMS.ordinal()] = 1;
            t[TICKS.ordinal()] = 1;
            t[REVENUE.ordinal()] = ledger.inflow(PostingKind.SALE, account);
            t[COST_OF_GOODS.ordinal()] = ledger.outflow(PostingKind.COST_OF_GOODS, account);
            t[FIXED_COSTS.ordinal()] = ledger.outflow(PostingKind.FIXED_COST, account);
            t[MARKETING_COSTS.ordinal()] = ledger.outflow(PostingKind.MARKETING, account);
            t[PERSONALIZATION_COSTS.ordinal()] = ledger.outflow(PostingKind.PERSONALIZATION, account);
            t[PER_CUSTOMER_COSTS.ordinal()] = perCustomer;
            t[CASH.ordinal()] = ledger.balance(account);
            t[AWARE.ordinal()] = marketing.aware(j);
            t[CUSTOMER_TICKS.ordinal()] = customersAtStart[j];
            customersAtStart[j] = t[CUSTOMERS.ordinal()];
        }
        marketTally[POPULATION.ordinal()] = population.size();
        record.record(tick, firmTally, marketTally);
        for (TickListener listener : listeners) {
            listener.tickClosed(this, tick);
        }
        tick++;
    }

    public MarketConfig config() {
        return config;
    }

    public RunRecord record() {
        return record;
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

    /** Ticks completed so far. */
    public int ticksDone() {
        return tick;
    }
}
