package marketsim.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.PlatformConfig;
import marketsim.core.config.PopulationConfig;
import marketsim.core.consumer.Population;
import marketsim.core.ledger.Ledger;
import org.junit.jupiter.api.Test;

/**
 * Joins and departures on scripted draws. No seller is listed and every trait is 0, so with no
 * base utility the pull is S = 1 / (1 + exp(0)) = 1/2 exactly.
 */
class PlatformMembershipTest {
    private static final double ALWAYS = 50; // utils: S = 1 - 2e-22, 1 in double
    private static final double NEVER = -50;

    private static Population consumers(int n) {
        return Population.draw(new PopulationConfig(n, 4, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of()))), 1);
    }

    private static PlatformMembership membership(PlatformConfig config, Population p, ScriptedRandom draws) {
        Platform platform = new Platform(config, List.of(), 0, 0, 0, 0, new ScriptedRandom(), new Ledger(0, 1),
                Ledger.firmAccount(0));
        return new PlatformMembership(platform, p, draws);
    }

    @Test
    void eachConsumerStartsAMemberWithTheInitialShare() {
        Population p = consumers(3);
        membership(TestMarkets.platform().initialMembers(0.5).build(), p, new ScriptedRandom(0.2, 0.7, 0.4)).seed();
        assertThat(List.of(p.member(0), p.member(1), p.member(2))).containsExactly(true, false, true);
    }

    @Test
    void aNonMemberJoinsWithJoinRateTimesSAndAMemberLeavesWithLeaveRateTimesOneMinusS() {
        Population p = consumers(4);
        PlatformConfig config = TestMarkets.platform().initialMembers(0.5).joinRate(0.8).leaveRate(0.6).build();
        // members, non-members; then with S = 1/2 a member leaves below 0.6 x 1/2 = 0.3, a
        // non-member joins below 0.8 x 1/2 = 0.4
        ScriptedRandom draws = new ScriptedRandom(0.0, 0.0, 0.99, 0.99, 0.2, 0.35, 0.3, 0.5);
        PlatformMembership membership = membership(config, p, draws);
        membership.seed();
        assertThat(membership.update()).isEqualTo(2);
        assertThat(List.of(p.member(0), p.member(1), p.member(2), p.member(3)))
                .containsExactly(false, true, true, false);
        assertThat(draws.exhausted()).isTrue();
    }

    @Test
    void aStrongPullBringsEveryoneInAndNoneOut() {
        Population p = consumers(3);
        PlatformConfig config = TestMarkets.platform().joinRate(1).leaveRate(1).membershipUtility(ALWAYS).build();
        PlatformMembership membership = membership(config, p, new ScriptedRandom(0.9, 0.9, 0.9, 0.99, 0.99, 0.99));
        membership.seed(); // initial share 0: nobody
        assertThat(membership.update()).isEqualTo(3);
    }

    @Test
    void aRepulsionEmptiesThePlatform() {
        Population p = consumers(2);
        PlatformConfig config = TestMarkets.platform().initialMembers(1).joinRate(1).leaveRate(1)
                .membershipUtility(NEVER).build();
        PlatformMembership membership = membership(config, p, new ScriptedRandom(0.5, 0.5, 0.99, 0.99));
        membership.seed();
        assertThat(membership.update()).isZero();
    }
}
