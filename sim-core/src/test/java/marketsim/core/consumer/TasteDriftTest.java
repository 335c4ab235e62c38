package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.DynamicsConfig.TasteTrend;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.Trait;
import org.junit.jupiter.api.Test;

/** Taste drift on scripted normal draws: the trend's step plus sd x Z, wrapping on the circle. */
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
        new TasteDrift(p, 0.1, TasteTrend.NONE, draws).drift();
        assertThat(p.taste(0)).as("0.95 + 0.1 wraps to 0.05").isCloseTo(0.05f, within(TASTE));
        assertThat(p.taste(1)).as("0.95 - 0.05").isCloseTo(0.90f, within(TASTE));
        assertThat(draws.exhausted()).isTrue();
    }

    @Test
    void withoutDriftNothingIsDrawn() {
        Population p = twoConsumersAt(0.95);
        new TasteDrift(p, 0, TasteTrend.NONE, new ScriptedRandom()).drift();
        assertThat(p.taste(0)).isEqualTo(0.95f);
    }

    @Test
    void theTrendMovesEveryTasteAlikeWhileItRunsAndDrawsNothing() {
        Population p = twoConsumersAt(0.95);
        // 0.02 a tick from tick 1 for 2 ticks: ticks 1 and 2 move, 0 and 3 do not
        TasteDrift drift = new TasteDrift(p, 0, new TasteTrend(0.02, 1, 2), new ScriptedRandom());
        drift.drift();
        assertThat(p.taste(0)).as("tick 0: not started").isEqualTo(0.95f);
        drift.drift();
        drift.drift();
        assertThat(p.taste(0)).as("0.95 + 2 x 0.02 = 0.99").isCloseTo(0.99f, within(TASTE));
        drift.drift();
        assertThat(p.taste(1)).as("tick 3: over").isCloseTo(0.99f, within(TASTE));
    }

    @Test
    void theTrendAddsToEachConsumersOwnStep() {
        Population p = twoConsumersAt(0.95);
        ScriptedRandom draws = new ScriptedRandom(1.0, -0.5);
        new TasteDrift(p, 0.1, new TasteTrend(-0.02, 0, 0), draws).drift();
        assertThat(p.taste(0)).as("0.95 - 0.02 + 0.1 wraps to 0.03").isCloseTo(0.03f, within(TASTE));
        assertThat(p.taste(1)).as("0.95 - 0.02 - 0.05").isCloseTo(0.88f, within(TASTE));
    }
}
