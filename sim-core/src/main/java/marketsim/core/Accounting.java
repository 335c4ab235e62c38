package marketsim.core;

import static marketsim.core.metrics.Field.*;

import java.util.Arrays;
import java.util.List;

import marketsim.core.config.Archetype;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.FirmConfig;
import marketsim.core.consumer.Marketing;
import marketsim.core.consumer.Population;
import marketsim.core.consumer.Teaching;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.core.platform.Platform;
import marketsim.core.store.Store;

/**
 * The tick's tallies ({@link Field} vectors of every firm, the platform, the store and the
 * market) and the ACCOUNTING phase that closes them (ODD section 3, step 5). Each active firm
 * pays its web store's fixed cost, its personalization ({@code fixed + costPerCustomer x
 * customers}, customers as counted in the aftermath) and its quality investment; the platform
 * and the store charge their listing and slotting fees and pay their fixed costs. Then every
 * entity's money is read from the ledger's flows (each money field names its posting kinds), a
 * firm's experience, data, period profit and units by channel grow, and the tick is recorded. An exited firm posts
 * nothing and reports only its cash. Every count is in market units: the consumers' tallies already count each
 * simulated consumer's weight {@code M / N}, and the population, awareness and tilt read here are scaled by it.
 *
 * <p>It sits with the model rather than in {@code metrics} or {@code ledger} because it closes
 * the books of every concept at once (firms, intermediaries, consumers' awareness and tilt); what
 * each concept pays and how each field is read from the ledger live in their own packages.
 */
final class Accounting {
    private final List<Firm> firms;
    private final Ledger ledger;
    private final Platform platform;
    private final Store store;
    private final Marketing marketing;
    private final Population population;
    private final Teaching teaching;
    private final RunRecord record;
    private final double[][] firmTally;
    private final double[] platformTally;
    private final double[] storeTally;
    private final double[] marketTally;
    private final double[] customersAtStart;
    /** Purchase occasions since the last review (what best-response pricers' demand is a share of). */
    private double periodOccasions;
    /** The scenario's stop conditions, or null when it has none. */
    private StopCheck stopCheck;

    /** @param platform the platform, or null; {@code store} likewise */
    Accounting(List<Firm> firms, Ledger ledger, Platform platform, Store store, Marketing marketing,
               Population population, Teaching teaching, RunRecord record) {
        this.firms = firms;
        this.ledger = ledger;
        this.platform = platform;
        this.store = store;
        this.marketing = marketing;
        this.population = population;
        this.teaching = teaching;
        this.record = record;
        firmTally = new double[firms.size()][Field.COUNT];
        platformTally = platform == null ? null : new double[Field.COUNT];
        storeTally = store == null ? null : new double[Field.COUNT];
        marketTally = new double[Field.COUNT];
        customersAtStart = new double[firms.size()];
    }

    /**
     * The owners of every firm, the platform and the store pay in their initial cash (initialization); the books
     * close early, at the end of a tick, when one of the scenario's stop conditions holds.
     */
    void openBooks(MarketConfig config) {
        stopCheck = config.stop().active() ? new StopCheck(config, record.entities()) : null;
        for (Firm firm : firms) {
            ledger.post(PostingKind.CAPITAL, Ledger.OWNERS, Ledger.firmAccount(firm.index()),
                    firm.config().initialCash());
        }
        if (platform != null) {
            ledger.post(PostingKind.CAPITAL, Ledger.OWNERS, platform.account(), platform.config().initialCash());
        }
        if (store != null) {
            ledger.post(PostingKind.CAPITAL, Ledger.OWNERS, store.account(), store.config().initialCash());
        }
    }

    /** Zeroes the tick's tallies (FIRMS_DECIDE, with the ledger's flows). */
    void startTick() {
        for (double[] t : firmTally) {
            Arrays.fill(t, 0);
        }
        for (double[] t : new double[][] {platformTally, storeTally, marketTally}) {
            if (t != null) {
                Arrays.fill(t, 0);
            }
        }
    }

    /** ACCOUNTING: posts the tick's per-tick costs and fees, reads the money, records the tick. */
    void close(int tick, Archetype[] archetypeOf) {
        if (platform != null) {
            platform.chargeListingFees();
        }
        if (store != null) {
            store.chargeSlottingFees();
        }
        teaching.tally(firmTally, marketTally); // before closing: an exited firm's tallies are zeroed there
        for (Firm firm : firms) {
            closeFirm(firm);
        }
        if (platform != null) {
            platform.payFixedCost();
            readMoney(platformTally, platform.account());
            platformTally[ACTIVE_SELLERS.ordinal()] = platform.activeSellers();
            platformTally[RECOMMENDATION_QUALITY.ordinal()] = platform.recommendationQuality();
        }
        if (store != null) {
            store.payFixedCost();
            readMoney(storeTally, store.account());
            storeTally[STOCKED_SELLERS.ordinal()] = store.shelf().length;
        }
        marketTally[TICKS.ordinal()] = 1;
        marketTally[POPULATION.ordinal()] = population.marketSize();
        periodOccasions += marketTally[OCCASIONS.ordinal()];
        record.record(tick, firmTally, archetypeOf, platformTally, storeTally, marketTally);
        int stop = stopCheck == null ? -1 : stopCheck.test(record, tick);
        if (stop >= 0) {
            record.stoppedBy(stop);
        }
    }

    private void closeFirm(Firm firm) {
        int j = firm.index();
        int account = Ledger.firmAccount(j);
        FirmConfig c = firm.config();
        double[] t = firmTally[j];
        if (!firm.active()) {
            Arrays.fill(t, 0);
            t[CASH.ordinal()] = ledger.balance(account);
            customersAtStart[j] = 0;
            return;
        }
        double perCustomer = firm.payTickCosts(ledger, t[CUSTOMERS.ordinal()]);
        t[FIRMS.ordinal()] = 1; // an exited firm's tallies are zeroed above
        t[DIRECT_FIRMS.ordinal()] = c.direct() != null ? 1 : 0;
        t[PER_CUSTOMER_COSTS.ordinal()] = perCustomer;
        readMoney(t, account);
        firm.closeTick(t[UNITS.ordinal()], t[DIRECT_UNITS.ordinal()], Metric.NET_PROFIT.value(EntityType.FIRM, t, t, 0));
        firm.channels().record(t[DIRECT_UNITS.ordinal()], t[PLATFORM_UNITS.ordinal()], t[STORE_UNITS.ordinal()],
                t[AD_FEES_PAID.ordinal()]);
        t[AWARE.ordinal()] = marketing.aware(j) * population.weight();
        t[CATEGORIES_OFFERED.ordinal()] = Long.bitCount(firm.range());
        t[CUSTOMER_TICKS.ordinal()] = customersAtStart[j];
        customersAtStart[j] = t[CUSTOMERS.ordinal()];
    }

    /** Every money field of {@code t} from the ledger's flows of {@code account} this tick, and its cash. */
    private void readMoney(double[] t, int account) {
        Field.readMoney(t, ledger, account);
        t[CASH.ordinal()] = ledger.balance(account);
    }

    double[][] firmTally() {
        return firmTally;
    }

    /** The platform's tally, or null without a platform. */
    double[] platformTally() {
        return platformTally;
    }

    double[] marketTally() {
        return marketTally;
    }

    double periodOccasions() {
        return periodOccasions;
    }

    /** A new review period starts. */
    void startPeriod() {
        periodOccasions = 0;
    }

    RunRecord record() {
        return record;
    }
}
