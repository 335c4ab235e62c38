package marketsim.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class StreamsTest {
    @Test
    void derivationIsAPureFunctionOfItsKeys() {
        assertThat(Streams.derive(42, 1, 2)).isEqualTo(Streams.derive(42, 1, 2));
        assertThat(Streams.stream(7, StreamKey.CHOICE).nextLong())
                .isEqualTo(Streams.stream(7, StreamKey.CHOICE).nextLong());
    }

    /**
     * A seed's numbers are pinned: a Java runtime whose generator or its seeding, bounded or
     * normal draws differed would change every run's output, so it fails the build instead.
     */
    @Test
    void aStreamsNumbersArePinned() {
        RandomGenerator random = Streams.stream(7, StreamKey.CHOICE);
        assertThat(random.nextLong()).isEqualTo(-3538035153985242931L);
        assertThat(random.nextDouble()).isEqualTo(0.009802583544940235);
        assertThat(random.nextInt(1000)).isEqualTo(383);
        assertThat(random.nextGaussian()).isEqualTo(-0.055585349805555385);
    }

    @Test
    void differentKeysAndReplicationsGiveDifferentSeeds() {
        Set<Long> seeds = new HashSet<>();
        for (int rep = 0; rep < 1000; rep++) {
            seeds.add(Streams.replicationSeed(1, rep));
        }
        for (StreamKey key : StreamKey.values()) {
            seeds.add(Streams.derive(1, key.ordinal() + 1L));
        }
        assertThat(seeds).hasSize(1000 + StreamKey.values().length);
        assertThat(Streams.nameKey("brand-a")).isNotEqualTo(Streams.nameKey("brand-b"));
    }
}
