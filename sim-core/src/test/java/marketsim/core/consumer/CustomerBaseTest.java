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

/** Customers counted under their last supplier, by status, with their stocks and mean taste. */
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
        // stock with firm 1 that must not count); consumer 2 never bought
        p.last[0] = 0;
        p.status[0] = Population.STATUS_PROMOTER;
        p.memoryStock[p.slotFor(0, 0)] = 0.5f;
        p.last[1] = 0;
        p.status[1] = Population.STATUS_DETRACTOR;
        p.memoryStock[p.slotFor(1, 1)] = 0.75f;
        p.memoryStock[p.slotFor(1, 0)] = 0.25f;
        double[][] tally = new double[2][Field.COUNT];
        CustomerBase customers = new CustomerBase(p, terms);
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
}
