package marketsim.scenario;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@link MechanismTest} at the baseline's full size (10,000 consumers, 260 ticks)
 * with 8 replications on common random numbers, same tolerance (99% paired t interval
 * excluding zero, in the expected direction). Slow: about two minutes on two cores.
 */
@Tag("slow")
class MechanismAtScaleTest {
    private static final int REPS = 8;

    @ParameterizedTest(name = "{0}")
    @MethodSource("marketsim.scenario.MechanismTest#mechanisms")
    void parameterMovesItsOutcomeAtFullSize(MechanismTest.Case c) {
        MechanismTest.check(c, List.of(), REPS);
    }
}
