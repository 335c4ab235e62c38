package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import marketsim.core.TestMarkets;
import marketsim.core.config.Categories;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.SegmentConfig;
import marketsim.core.firm.Firm;
import marketsim.core.metrics.Field;
import org.junit.jupiter.api.Test;

/** Hand-computed wallets: share of wallet, categories and spend by tenure band, lapses, range expansion. */
class WalletTest {
    /** Categories a (0), b (1), c (2); firm 0 offers a and b, firm 1 all three. */
    private static final Categories ABC = new Categories(List.of(new Categories.Category("a", 1),
            new Categories.Category("b", 1), new Categories.Category("c", 1)), 1);

    private static Population population(int size, int slots) {
        return Population.draw(new PopulationConfig(size, slots, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of()))), 1);
    }

    private static List<Firm> firms() {
        return List.of(new Firm(0, TestMarkets.firm("narrow").build(), 0b011),
                new Firm(1, TestMarkets.firm("broad").build(), 0b111));
    }

    @Test
    void shareOfWalletCategoriesAndSpendAreCountedByTenureBand() {
        Population p = population(1, 4);
        List<Firm> firms = firms();
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        Wallet wallet = new Wallet(p, terms, ABC, 0, 2); // bands of 2 ticks: [0,2) new, [2,4) established, [4,..)
        double[][] tally = new double[2][Field.COUNT];
        // tick 0: buys a from firm 0 for 10, then (same tick, a test shortcut) c from firm 1 for 4
        wallet.record(0, 0, 0, 10, tally);
        wallet.record(0, 1, 2, 4, tally);
        wallet.count(tally);
        // firm 0's customer spent 10 with it and 4 with firm 1 (in c, which firm 0 lacks): share 10 / 14
        assertThat(tally[0][Field.CUSTOMER_SPEND_WITH.ordinal()]).isEqualTo(10);
        assertThat(tally[0][Field.CUSTOMER_SPEND.ordinal()]).isEqualTo(14);
        // firm 1's purchase came after firm 0's: both count for firm 1 only from its own purchase on
        assertThat(tally[1][Field.CUSTOMER_SPEND.ordinal()]).isEqualTo(4);
        assertThat(tally[0][Field.SPEND_NEW.ordinal()]).isEqualTo(10);
        assertThat(tally[0][Field.WALLET_CUSTOMERS.ordinal()]).isEqualTo(1);
        assertThat(tally[0][Field.CUSTOMER_TICKS_NEW.ordinal()]).isEqualTo(1);
        assertThat(tally[0][Field.CATEGORIES_NEW.ordinal()]).isEqualTo(1);
        // ticks 1 to 3: buys b from firm 0 at tick 3 (tenure 3: established) for 6
        double[][] later = new double[2][Field.COUNT];
        wallet.count(later); // tick 1
        wallet.count(later); // tick 2
        wallet.record(0, 0, 1, 6, later);
        wallet.count(later); // tick 3
        assertThat(later[0][Field.SPEND_ESTABLISHED.ordinal()]).isEqualTo(6);
        // customer-ticks: tick 1 new, ticks 2 and 3 established; categories: 1, 1, then 2 (a and b)
        assertThat(later[0][Field.CUSTOMER_TICKS_NEW.ordinal()]).isEqualTo(1);
        assertThat(later[0][Field.CUSTOMER_TICKS_ESTABLISHED.ordinal()]).isEqualTo(2);
        assertThat(later[0][Field.CATEGORIES_ESTABLISHED.ordinal()]).isEqualTo(3);
        assertThat(later[1][Field.CUSTOMER_SPEND.ordinal()]).as("firm 1's customer spent 6 with firm 0").isEqualTo(6);
    }

    @Test
    void aCustomerWhoBuysNothingForTheLapseWindowIsLostOnceAndComesBackNew() {
        Population p = population(1, 4);
        List<Firm> firms = firms();
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        Wallet wallet = new Wallet(p, terms, ABC, 2, 26);
        double[][] tally = new double[2][Field.COUNT];
        wallet.record(0, 0, 0, 1, tally);
        wallet.count(tally); // tick 0: bought
        wallet.count(tally); // tick 1: still a customer
        double[][] lapse = new double[2][Field.COUNT];
        wallet.count(lapse); // tick 2: last purchase at 0 <= 2 - 2: lapsed
        assertThat(lapse[0][Field.WALLET_LOST.ordinal()]).isEqualTo(1);
        assertThat(lapse[0][Field.WALLET_CUSTOMERS.ordinal()]).isZero();
        double[][] back = new double[2][Field.COUNT];
        wallet.record(0, 0, 1, 1, back); // tick 3: buys again: a new customer, with only b bought
        wallet.count(back);
        assertThat(back[0][Field.WALLET_LOST.ordinal()]).isZero();
        assertThat(back[0][Field.CUSTOMER_TICKS_NEW.ordinal()]).isEqualTo(1);
        assertThat(back[0][Field.CATEGORIES_NEW.ordinal()]).isEqualTo(1);
    }

    @Test
    void aFirmForgottenForAnotherLosesItsCustomer() {
        Population p = population(1, 1); // remembers one firm
        List<Firm> firms = firms();
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        Wallet wallet = new Wallet(p, terms, ABC, 0, 26);
        double[][] tally = new double[2][Field.COUNT];
        wallet.record(0, 0, 0, 1, tally);
        wallet.record(0, 1, 0, 1, tally); // firm 1 takes the only slot
        wallet.count(tally);
        assertThat(tally[0][Field.WALLET_LOST.ordinal()]).isEqualTo(1);
        assertThat(tally[0][Field.WALLET_CUSTOMERS.ordinal()]).isZero();
        assertThat(tally[1][Field.WALLET_CUSTOMERS.ordinal()]).isEqualTo(1);
    }

    @Test
    void anExpandingFirmAddsTheCategoryItsCustomersBuyMostElsewhere() {
        Population p = population(2, 4);
        List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("deep").build().withRange(List.of(), true, 5), 0b001),
                new Firm(1, TestMarkets.firm("other").build(), 0b111));
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        Wallet wallet = new Wallet(p, terms, ABC, 0, 26);
        double[][] tally = new double[2][Field.COUNT];
        wallet.record(0, 0, 0, 1, tally); // both are firm 0's customers
        wallet.record(1, 0, 0, 1, tally);
        wallet.record(0, 1, 1, 3, tally); // and spend elsewhere: b 3, c 2 + 2 = 4
        wallet.record(0, 1, 2, 2, tally);
        wallet.record(1, 1, 2, 2, tally);
        assertThat(tally[0][Field.CUSTOMER_SPEND.ordinal()]).isCloseTo(2 + 3 + 2 + 2, within(1e-12));
        wallet.expand(firms);
        assertThat(firms.get(0).range()).isEqualTo(0b101);
        wallet.expand(firms); // nothing unmet since the last review: nothing added
        assertThat(firms.get(0).range()).isEqualTo(0b101);
        assertThat(firms.get(1).range()).as("does not expand").isEqualTo(0b111);
    }

    @Test
    void eachConsumerNeedsItsSegmentsNumberOfCategories() {
        List<SegmentConfig> segments = List.of(
                new SegmentConfig("two", 0.5, TestMarkets.constantSegment("two", 0.5, Map.of()).traits(), 2),
                new SegmentConfig("all", 0.5, TestMarkets.constantSegment("all", 0.5, Map.of()).traits(), 0));
        Population p = Population.draw(new PopulationConfig(200, 4, 0, segments), 7);
        Needs.draw(p, segments, ABC, 7);
        boolean[] seen = new boolean[3];
        for (int i = 0; i < 100; i++) {
            assertThat(Long.bitCount(p.needs(i))).isEqualTo(2);
            assertThat(p.needWeight[i]).isEqualTo(2f);
            for (int c = 0; c < 3; c++) {
                seen[c] |= (p.needs(i) & 1L << c) != 0;
            }
        }
        assertThat(seen).as("every category drawn by someone").containsOnly(true);
        for (int i = 100; i < 200; i++) {
            assertThat(p.needs(i)).isEqualTo(0b111);
        }
    }
}
