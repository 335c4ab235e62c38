package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import marketsim.core.TestMarkets;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.Trait;
import marketsim.core.firm.Firm;
import marketsim.core.metrics.Field;
import org.junit.jupiter.api.Test;

/** Customers counted under their last supplier, by status, with their stocks and mean taste; switching and lapsing. */
class CustomerBaseTest {
    @Test
    void customersAreCountedByStatusWithTheirStocksAndMeanTaste() {
        Population p = Population.draw(new PopulationConfig(3, 4, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of(Trait.TASTE, 0.25)))), 1);
        List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("innovator").innovation(1).build()),
                new Firm(1, TestMarkets.firm("other").build()));
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        // consumer 0: a promoter of firm 0 with stock 0.5; consumer 1: a detractor with 0.25 (and a
        // stock with firm 1 that must not count), both bought this tick; consumer 2 never bought
        PurchaseLog log = new PurchaseLog(p);
        log.add(0, 0, (byte) 0); // its last supplier now
        log.add(1, 0, (byte) 0);
        p.status[0] = Population.STATUS_PROMOTER;
        p.memoryStock[p.slotFor(0, 0)] = 0.5f;
        p.status[1] = Population.STATUS_DETRACTOR;
        p.memoryStock[p.slotFor(1, 1)] = 0.75f;
        p.memoryStock[p.slotFor(1, 0)] = 0.25f;
        double[][] tally = new double[2][Field.COUNT];
        CustomerBase customers = new CustomerBase(p, terms, log, 0, 0);
        customers.count(tally);
        customers.sumTastes();
        assertThat(tally[0][Field.CUSTOMERS.ordinal()]).isEqualTo(2);
        assertThat(tally[0][Field.PROMOTERS.ordinal()]).isEqualTo(1);
        assertThat(tally[0][Field.DETRACTORS.ordinal()]).isEqualTo(1);
        assertThat(tally[0][Field.RELATIONSHIP_SUM.ordinal()]).isEqualTo(0.75);
        assertThat(tally[1][Field.CUSTOMERS.ordinal()]).isZero();
        // both customers at taste 0.25: the direction 2 pi x 0.25 = pi / 2
        assertThat(customers.tasteAngle(0)).isCloseTo(Math.PI / 2, within(1e-6));
        assertThat(customers.tasteAngle(1)).as("no customers").isNaN();
    }

    @Test
    void everyStockDecaysAndIsCountedDecayed() {
        Population p = population(3, 4);
        SellerTerms terms = terms("a", "b");
        PurchaseLog log = new PurchaseLog(p);
        p.memoryStock[p.slotFor(0, 0)] = 0.5f;
        p.memoryStock[p.slotFor(0, 1)] = 0.25f;
        p.memoryStock[p.slotFor(2, 1)] = 1f; // consumer 2 never bought: its stock decays all the same
        CustomerBase base = new CustomerBase(p, terms, log, 0, 0.1);
        double[][] tally = tick(base, log, p, 0, -1, -1);
        float keep = (float) (1 - 0.1);
        assertThat(p.stock(0, 0)).isEqualTo(0.5f * keep);
        assertThat(p.stock(0, 1)).isEqualTo(0.25f * keep);
        assertThat(p.stock(2, 1)).isEqualTo(keep);
        assertThat(tally[0][Field.RELATIONSHIP_SUM.ordinal()]).as("consumer 0's stock with a, decayed")
                .isEqualTo((double) (0.5f * keep));
        assertThat(tally[1][Field.RELATIONSHIP_SUM.ordinal()]).isZero();
    }

    @Test
    void aCustomerIsLostOnceWhenItSwitchesOrLapses() {
        Population p = population(2, 4);
        SellerTerms terms = terms("a", "b");
        PurchaseLog log = new PurchaseLog(p);
        CustomerBase base = new CustomerBase(p, terms, log, 2, 0); // lapsed after 2 ticks without a purchase
        // tick 0: both consumers buy from a
        double[][] t0 = tick(base, log, p, 0, 0);
        assertThat(t0[0][Field.CUSTOMERS.ordinal()]).isEqualTo(2);
        // tick 1: consumer 0 switches to b; consumer 1 buys nothing
        double[][] t1 = tick(base, log, p, 1, -1);
        assertThat(t1[0][Field.LOST_CUSTOMERS.ordinal()]).isEqualTo(1);
        assertThat(t1[0][Field.CUSTOMERS.ordinal()]).as("consumer 1 still in a's base").isEqualTo(1);
        assertThat(t1[1][Field.CUSTOMERS.ordinal()]).isEqualTo(1);
        // tick 2: nobody buys; consumer 1 last bought at tick 0, 2 ticks ago: lapsed
        double[][] t2 = tick(base, log, p, -1, -1);
        assertThat(t2[0][Field.LAPSED_CUSTOMERS.ordinal()]).isEqualTo(1);
        assertThat(t2[0][Field.CUSTOMERS.ordinal()]).isZero();
        assertThat(t2[1][Field.CUSTOMERS.ordinal()]).as("consumer 0 bought from b at tick 1").isEqualTo(1);
        // tick 3: the lapsed consumer buys from b: won back by b, not lost by a a second time (consumer 0 buys
        // from b again, or it too would lapse: its last purchase was at tick 1)
        double[][] t3 = tick(base, log, p, 1, 1);
        assertThat(t3[0][Field.LOST_CUSTOMERS.ordinal()] + t3[0][Field.LAPSED_CUSTOMERS.ordinal()]).isZero();
        assertThat(t3[1][Field.CUSTOMERS.ordinal()]).isEqualTo(2);
    }

    @Test
    void withoutALapseWindowOnlySwitchingLosesACustomer() {
        Population p = population(1, 4);
        SellerTerms terms = terms("a");
        PurchaseLog log = new PurchaseLog(p);
        CustomerBase base = new CustomerBase(p, terms, log, 0, 0);
        tick(base, log, p, 0);
        for (int t = 0; t < 100; t++) {
            double[][] tally = tick(base, log, p, -1);
            assertThat(tally[0][Field.LAPSED_CUSTOMERS.ordinal()]).isZero();
            assertThat(tally[0][Field.CUSTOMERS.ordinal()]).isEqualTo(1);
        }
    }

    @Test
    void blockByBlockTheCountsAreThoseOfOneConsumerAtATime() {
        // 1,300 consumers: the pass's blocks of 512 end inside the population. Random purchases, statuses and
        // memories for 40 ticks with a lapse window of 3, against the rules applied one consumer at a time.
        int n = 1300;
        int firmCount = 3;
        // as many memory slots as firms, so that every slot, the last of a block's too, comes to hold a stock
        Population p = population(n, firmCount);
        SellerTerms terms = terms("a", "b", "c");
        PurchaseLog log = new PurchaseLog(p);
        double decay = 0.05;
        CustomerBase base = new CustomerBase(p, terms, log, 3, decay);
        SplittableRandom random = new SplittableRandom(7);
        int[] customerOf = new int[n];
        int[] lastBought = new int[n];
        Arrays.fill(customerOf, -1);
        for (int tick = 0; tick < 40; tick++) {
            int[] sellers = new int[n];
            for (int i = 0; i < n; i++) {
                sellers[i] = random.nextDouble() < 0.2 ? random.nextInt(firmCount) : -1;
                if (sellers[i] >= 0) {
                    p.status[i] = (byte) (1 + random.nextInt(3));
                    p.memoryStock[p.slotFor(i, random.nextInt(firmCount))] = (float) random.nextDouble();
                }
            }
            double[][] expected = new double[firmCount][Field.COUNT];
            float[] stocks = p.memoryStock.clone();
            for (int k = 0; k < stocks.length; k++) {
                stocks[k] *= (float) (1 - decay);
            }
            for (int i = 0; i < n; i++) {
                int was = customerOf[i];
                if (sellers[i] >= 0) {
                    if (was >= 0 && was != sellers[i]) {
                        expected[was][Field.LOST_CUSTOMERS.ordinal()]++;
                    }
                    customerOf[i] = sellers[i];
                    lastBought[i] = tick;
                } else if (was >= 0 && lastBought[i] <= tick - 3) {
                    expected[was][Field.LAPSED_CUSTOMERS.ordinal()]++;
                    customerOf[i] = -1;
                }
                int firm = customerOf[i];
                if (firm >= 0) {
                    expected[firm][Field.CUSTOMERS.ordinal()]++;
                    expected[firm][Field.PROMOTERS.ordinal()] += p.status[i] == Population.STATUS_PROMOTER ? 1 : 0;
                    expected[firm][Field.DETRACTORS.ordinal()] += p.status[i] == Population.STATUS_DETRACTOR ? 1 : 0;
                    for (int k = i * p.slots; k < (i + 1) * p.slots; k++) {
                        if (p.memoryFirm[k] == firm) {
                            expected[firm][Field.RELATIONSHIP_SUM.ordinal()] += stocks[k];
                        }
                    }
                }
            }
            double[][] tally = tick(base, log, p, sellers);
            assertThat(p.memoryStock).as("tick %d: the stocks decayed", tick).isEqualTo(stocks);
            for (int j = 0; j < firmCount; j++) {
                assertThat(tally[j]).as("tick %d, firm %d", tick, j).isEqualTo(expected[j]);
            }
        }
    }

    /** {@code consumers} alike, each remembering up to {@code slots} firms. */
    private static Population population(int consumers, int slots) {
        return Population.draw(new PopulationConfig(consumers, slots, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of()))), 1);
    }

    /** The terms of plain firms named {@code names}, in that order. */
    private static SellerTerms terms(String... names) {
        List<Firm> firms = new ArrayList<>();
        for (String name : names) {
            firms.add(new Firm(firms.size(), TestMarkets.firm(name).build()));
        }
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        return terms;
    }

    /** One tick in which consumer i buys from {@code sellers[i]} (-1: nothing); returns the tallies. */
    private static double[][] tick(CustomerBase base, PurchaseLog log, Population p, int... sellers) {
        log.clear();
        for (int i = 0; i < sellers.length; i++) {
            if (sellers[i] >= 0) {
                log.add(i, sellers[i], (byte) 0); // its last supplier now
            }
        }
        double[][] tally = new double[3][Field.COUNT];
        base.count(tally);
        return tally;
    }
}
