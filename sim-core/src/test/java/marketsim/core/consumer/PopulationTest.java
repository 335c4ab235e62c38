package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.PopulationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PopulationTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 10, 999, 10_000})
    void segmentSizesFollowSharesAndAddUp(int n) {
        var segments = List.of(TestMarkets.constantSegment("a", 0.4, Map.of()),
                TestMarkets.constantSegment("b", 0.3, Map.of()), TestMarkets.constantSegment("c", 0.3, Map.of()));
        int[] counts = Population.allocate(n, segments);
        assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(n);
        for (int s = 0; s < 3; s++) {
            assertThat(Math.abs(counts[s] - n * segments.get(s).share())).isLessThan(1.0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void memoryKeepsTheStrongestRelationships(int slots) {
        var config = new PopulationConfig(1, slots, 0,
                List.of(TestMarkets.constantSegment("a", 1, Map.of())));
        Population p = Population.draw(config, 1);
        for (int j = 0; j < slots + 1; j++) {
            int slot = p.slotFor(0, j);
            p.memoryStock[slot] = 0.1f * (j + 1); // firm j gets stock 0.1 (j+1)
        }
        // The last firm evicted the weakest (firm 0) when memory was full.
        assertThat(p.stock(0, slots)).isEqualTo(0.1f * (slots + 1));
        assertThat(p.stock(0, 0)).isZero();
        if (slots > 1) {
            assertThat(p.stock(0, 1)).isEqualTo(0.2f);
        }
    }

    /**
     * The slot hint is only a hint: whatever slot it names, slotFor finds the firm's own slot, and claims the weakest
     * (not the hinted one) for a firm not remembered.
     */
    @Test
    void theSlotHintNeverChangesTheSlotFound() {
        Population p = Population.draw(new PopulationConfig(2, 3, 0,
                List.of(TestMarkets.constantSegment("a", 1, Map.of()))), 1);
        for (int j = 0; j < 3; j++) { // consumer 0 remembers firms 2, 1, 0 in its slots 0, 1, 2
            p.memoryStock[p.slotFor(0, 2 - j)] = 0.9f;
        }
        int base = 3; // consumer 1's slots are 3, 4, 5
        for (int j = 0; j < 3; j++) {
            p.memoryStock[p.slotFor(1, j)] = 0.5f - 0.1f * j; // firms 0, 1, 2 in slots 3, 4, 5; firm 2 the weakest
        }
        for (byte hint = 0; hint < 3; hint++) {
            p.slotHint[1] = hint;
            for (int j = 0; j < 3; j++) {
                assertThat(p.slotFor(1, j)).as("firm %d, hint %d", j, hint).isEqualTo(base + j);
            }
        }
        p.slotHint[1] = 0;
        assertThat(p.slotFor(1, 7)).isEqualTo(base + 2); // firm 7 takes the weakest slot, firm 2's
        assertThat(p.remembers(1, 2)).isFalse();
        assertThat(p.stock(0, 2)).as("consumer 0's memory untouched").isEqualTo(0.9f);
        assertThat(p.remembers(0, 7)).isFalse();
    }

    /**
     * 4 simulated consumers of a market of 10: weight 2.5. 11 contacts bought in the market reach 11 / 2.5 = 4.4
     * simulated consumers: 4, and a fifth when the draw is below 0.4 (so 4.4 on average, never truncated to 4).
     */
    @Test
    void contactsInMarketUnitsReachTheirShareOfTheSimulatedConsumers() {
        Population p = Population.draw(new PopulationConfig(4, 10, 4, 0,
                List.of(TestMarkets.constantSegment("a", 1, Map.of()))), 1);
        assertThat(p.weight()).isEqualTo(2.5);
        assertThat(p.marketSize()).isEqualTo(10);
        assertThat(p.reach(11, new ScriptedRandom(0.39))).isEqualTo(5);
        assertThat(p.reach(11, new ScriptedRandom(0.41))).isEqualTo(4);
        assertThat(p.reach(10, new ScriptedRandom(0.0))).as("4 exactly: the draw never adds one").isEqualTo(4);
    }
}
