package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.Trait;
import org.junit.jupiter.api.Test;

/** Taste drift on scripted normal draws: a step of sd x Z, wrapping on the circle. */
class TasteDriftTest {
    private static final float TASTE = 1e-6f; // tastes are floats

    private static Population twoConsumersAt(double taste) {
        return Population.draw(new PopulationConfig(2, 4, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of(Trait.TASTE, taste)))), 1);
    }

    @Test
    void eachTasteStepsBySdTimesItsDrawAndWraps() {
        Population p = twoConsumersAt(0.95);
        ScriptedRandom draws = new ScriptedRandom(1.0, -0.5);
        new TasteDrift(p, 0.1, draws).drift();
        assertThat(p.taste(0)).as("0.95 + 0.1 wraps to 0.05").isCloseTo(0.05f, within(TASTE));
        assertThat(p.taste(1)).as("0.95 - 0.05").isCloseTo(0.90f, within(TASTE));
        assertThat(draws.exhausted()).isTrue();
    }

    @Test
    void withoutDriftNothingIsDrawn() {
        Population p = twoConsumersAt(0.95);
        new TasteDrift(p, 0, new ScriptedRandom()).drift();
        assertThat(p.taste(0)).isEqualTo(0.95f);
    }
}
