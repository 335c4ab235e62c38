package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

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
        PurchaseLog log = new PurchaseLog(3);
        log.add(0, 0, (byte) 0);
        log.add(1, 0, (byte) 0);
        p.last[0] = 0;
        p.status[0] = Population.STATUS_PROMOTER;
        p.memoryStock[p.slotFor(0, 0)] = 0.5f;
        p.last[1] = 0;
        p.status[1] = Population.STATUS_DETRACTOR;
        p.memoryStock[p.slotFor(1, 1)] = 0.75f;
        p.memoryStock[p.slotFor(1, 0)] = 0.25f;
        double[][] tally = new double[2][Field.COUNT];
        CustomerBase customers = new CustomerBase(p, terms, log, 0);
        customers.count(tally);
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
    void aCustomerIsLostOnceWhenItSwitchesOrLapses() {
        Population p = Population.draw(new PopulationConfig(2, 4, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of()))), 1);
        List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("a").build()), new Firm(1, TestMarkets.firm("b").build()));
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        PurchaseLog log = new PurchaseLog(2);
        CustomerBase base = new CustomerBase(p, terms, log, 2); // lapsed after 2 ticks without a purchase
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
        Population p = Population.draw(new PopulationConfig(1, 4, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of()))), 1);
        List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("a").build()));
        SellerTerms terms = new SellerTerms(firms);
        terms.refresh(firms);
        PurchaseLog log = new PurchaseLog(1);
        CustomerBase base = new CustomerBase(p, terms, log, 0);
        tick(base, log, p, 0);
        for (int t = 0; t < 100; t++) {
            double[][] tally = tick(base, log, p, -1);
            assertThat(tally[0][Field.LAPSED_CUSTOMERS.ordinal()]).isZero();
            assertThat(tally[0][Field.CUSTOMERS.ordinal()]).isEqualTo(1);
        }
    }

    /** One tick in which consumer i buys from {@code sellers[i]} (-1: nothing); returns the tallies. */
    private static double[][] tick(CustomerBase base, PurchaseLog log, Population p, int... sellers) {
        log.clear();
        for (int i = 0; i < sellers.length; i++) {
            if (sellers[i] >= 0) {
                p.last[i] = (short) sellers[i];
                log.add(i, sellers[i], (byte) 0);
            }
        }
        double[][] tally = new double[2][Field.COUNT];
        base.count(tally);
        return tally;
    }
}
