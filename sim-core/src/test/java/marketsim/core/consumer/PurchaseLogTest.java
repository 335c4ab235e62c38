package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import marketsim.core.TestMarkets;
import marketsim.core.config.PopulationConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PurchaseLogTest {
    /**
     * Buyers added in a random order come back in index order, each once, with their seller and channel, which are
     * the consumer's last supplier and channel from then on.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void purchasesComeBackInConsumerOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1000;
        Population p = Population.draw(new PopulationConfig(n, 4, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of()))), 1);
        PurchaseLog log = new PurchaseLog(p);
        TreeSet<Integer> buyers = new TreeSet<>();
        for (int round = 0; round < 2; round++) {
            log.clear();
            buyers.clear();
            for (int k = 0; k < 300; k++) {
                int i = random.nextInt(n);
                if (buyers.add(i)) {
                    log.add(i, i % 7, (byte) (i % 3));
                }
            }
            List<Integer> seen = new ArrayList<>();
            for (int i = log.next(0); i >= 0; i = log.next(i + 1)) {
                seen.add(i);
                assertThat(log.seller(i)).isEqualTo(i % 7);
                assertThat(log.channel(i)).isEqualTo((byte) (i % 3));
                assertThat(p.lastSupplier(i)).isEqualTo((short) (i % 7));
                assertThat(p.lastChannel[i]).isEqualTo((byte) (i % 3));
            }
            assertThat(seen).containsExactlyElementsOf(buyers);
            assertThat(log.size()).isEqualTo(buyers.size());
        }
        log.clear();
        log.add(n - 1, 1, (byte) 0);
        log.add(63, 2, (byte) 0);
        log.add(64, 3, (byte) 0);
        assertThat(log.next(0)).isEqualTo(63);
        assertThat(log.next(64)).isEqualTo(64);
        assertThat(log.next(65)).isEqualTo(n - 1);
        assertThat(log.next(n)).isEqualTo(-1);
    }
}
