package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import marketsim.core.MarketModel;
import marketsim.core.metrics.RunRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Issue 11's memory bound: a consumer's whole state (traits, relationship memory, awareness,
 * flags, its share of the social network, word of mouth's copy of awareness, the tick's shoppers
 * and their draws, and the purchase log) stays within 256 bytes in every built-in scenario, so
 * that a million consumers fit in the default heap. jeo-baseline reports 166 (docs/PERFORMANCE.md).
 * After 26 ticks: the arrays kept per shopper grow to the most shoppers a tick has had.
 */
class StateSizeTest {
    static final List<String> SCENARIOS = ScenarioLoader.BUILT_IN;

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCENARIOS")
    void aConsumerTakes256BytesAtMost(String name) throws Exception {
        int consumers = 10_000;
        RunRecord record = MarketModel.run(ScenarioLoader.load(name, List.of("population.size=" + consumers,
                "horizon=26", "metrics.summary_window=1")).config(), 1);
        assertThat(record.stateBytes() / (double) consumers).isLessThanOrEqualTo(256).isGreaterThan(90);
    }
}
