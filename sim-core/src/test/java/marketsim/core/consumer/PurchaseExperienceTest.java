package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.Archetype;
import marketsim.core.config.Channel;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PlatformConfig;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.Trait;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.metrics.Field;
import org.junit.jupiter.api.Test;

/** The experience of one purchase, hand-computed: satisfaction, failure demand, loyalty. */
class PurchaseExperienceTest {
    private static final float STOCK = 1e-6f; // stocks are floats
    private static final double EXPECTATION = 0.55;
    private static final double QUALITY = 0.8;
    private static final double ETA = 0.3;
    // g = 1 / (1 + exp(-8 (0.8 - 0.55))) = 1 / (1 + e^-2)
    private static final double G = 0.880797;
    private static final PlatformConfig PLATFORM = TestMarkets.platform().relationshipShare(0.5).relationshipRate(0.2)
            .build();

    /** Decay 0.02, kappa 8, no quality noise, failure penalty 1, promoters from 0.7, detractors to 0.3. */
    private static MarketRules rules(double failureDetractorShare, double valueContactRate) {
        return new MarketRules(0.02, 8, 0, 1, 0.7, 0.3, 1, failureDetractorShare, valueContactRate, 1);
    }

    private final Population consumer = Population.draw(new PopulationConfig(1, 4, 0, List.of(
            TestMarkets.constantSegment("one", 1, Map.of(Trait.QUALITY_EXPECTATION, EXPECTATION)))), 1);
    private final double[][] tally = new double[2][Field.COUNT];
    private final Ledger ledger = new Ledger(2, 1);

    /** Consumer 0 bought from firm 0 (and firm 1 exists) through {@code channel}; returns the experience. */
    private PurchaseExperience bought(FirmConfig seller, Channel channel, MarketRules rules, ScriptedRandom draws) {
        List<Firm> firms = List.of(new Firm(0, seller), new Firm(1, TestMarkets.firm("other").build()));
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        PurchaseLog log = new PurchaseLog(consumer);
        log.add(0, 0, channel.code());
        return new PurchaseExperience(consumer, terms, rules, PLATFORM, ledger, draws, log);
    }

    @Test
    void aSatisfyingPurchaseBuildsTheStockAndMakesAPromoter() {
        FirmConfig seller = TestMarkets.firm("s").quality(QUALITY).relationshipRate(ETA).build();
        ScriptedRandom draws = new ScriptedRandom(); // no failure rate, noise or value contacts: no draws
        bought(seller, Channel.DIRECT, rules(0, 0), draws).experience(tally);
        // L = 0 + 0.3 x 0.880797 x (1 - 0)
        assertThat(consumer.stock(0, 0)).isCloseTo((float) (ETA * G), within(STOCK));
        assertThat(consumer.status[0]).isEqualTo(Population.STATUS_PROMOTER);
        assertThat(tally[0][Field.FAILURES.ordinal()]).isZero();
    }

    @Test
    void aFailureIsFailureDemandAndMayMakeADetractorWithoutSpendingAMemorySlot() {
        FirmConfig seller = TestMarkets.firm("s").quality(QUALITY).relationshipRate(ETA).failureRate(0.5)
                .serviceCost(2).build();
        // 0.1 < 0.5: it fails; 0.2 < 0.5: a detractor; 0.9 >= 0.5: no value-demand contact
        ScriptedRandom draws = new ScriptedRandom(0.1, 0.2, 0.9);
        bought(seller, Channel.DIRECT, rules(0.5, 0.5), draws).experience(tally);
        assertThat(draws.exhausted()).isTrue();
        assertThat(tally[0][Field.FAILURES.ordinal()]).isEqualTo(1);
        assertThat(tally[0][Field.FAILURE_CONTACTS.ordinal()]).isEqualTo(1);
        assertThat(tally[0][Field.VALUE_CONTACTS.ordinal()]).isZero();
        assertThat(ledger.outflow(PostingKind.SERVICE, Ledger.firmAccount(0))).isEqualTo(2);
        assertThat(consumer.status[0]).isEqualTo(Population.STATUS_DETRACTOR);
        assertThat(consumer.remembers(0, 0)).as("g = -1 on no stock: nothing to lose").isFalse();
    }

    @Test
    void aValueDemandContactCostsTheSellerToo() {
        FirmConfig seller = TestMarkets.firm("s").quality(QUALITY).serviceCost(2).build();
        ScriptedRandom draws = new ScriptedRandom(0.1); // 0.1 < 0.5: a value-demand contact
        bought(seller, Channel.DIRECT, rules(0, 0.5), draws).experience(tally);
        assertThat(tally[0][Field.VALUE_CONTACTS.ordinal()]).isEqualTo(1);
        assertThat(ledger.outflow(PostingKind.SERVICE, Ledger.firmAccount(0))).isEqualTo(2);
    }

    @Test
    void onThePlatformTheBrandKeepsOmegaOfTheGainAndThePlatformBuildsItsOwn() {
        FirmConfig seller = TestMarkets.firm("s").quality(QUALITY).relationshipRate(ETA).build();
        bought(seller, Channel.PLATFORM, rules(0, 0), new ScriptedRandom()).experience(tally);
        short platform = 2; // the platform's index in relationship memory follows the two firms
        assertThat(consumer.stock(0, 0)).isCloseTo((float) (0.5 * ETA * G), within(STOCK));
        assertThat(consumer.stock(0, platform)).isCloseTo((float) (0.2 * G), within(STOCK));
    }

    @Test
    void thePrivateLabelsStockIsThePlatforms() {
        FirmConfig label = TestMarkets.firm("label").archetype(Archetype.HYBRID_PLATFORM).quality(QUALITY)
                .relationshipRate(ETA).build();
        bought(label, Channel.PLATFORM, rules(0, 0), new ScriptedRandom()).experience(tally);
        short platform = 2;
        assertThat(consumer.stock(0, platform)).isCloseTo((float) (ETA * G), within(STOCK));
        assertThat(consumer.remembers(0, 0)).isFalse();
    }
}
