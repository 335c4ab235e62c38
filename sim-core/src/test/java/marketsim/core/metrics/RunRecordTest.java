package marketsim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import marketsim.core.MarketModel;
import marketsim.core.TestMarkets;
import org.junit.jupiter.api.Test;

/** A window of ticks read into reused arrays is the window read into new ones. */
class RunRecordTest {
    @Test
    void aWindowIntoReusedArraysIsTheWindow() {
        RunRecord record = MarketModel.run(TestMarkets.market(200, 12, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of())), List.of(TestMarkets.firm("a", 5, 0.2, 0.8), TestMarkets.firm("b", 6, 0.2, 0.9))), 3);
        double[][] reused = new double[record.entities().size()][Field.COUNT];
        for (double[] row : reused) {
            Arrays.fill(row, -7.5); // what a previous tick left: every cell must be overwritten
        }
        for (int t = 0; t < record.ticksRecorded(); t++) {
            assertThat(record.windowInto(t, t + 1, reused)).as("tick %d", t).isDeepEqualTo(record.entityVectors(t));
        }
        assertThat(record.windowInto(2, 9, reused)).as("a window of several ticks").isDeepEqualTo(record.window(2, 9));
    }
}
