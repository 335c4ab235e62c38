package marketsim.results.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.format.ResultFiles;
import marketsim.results.replication.Replicator;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop conditions (ODD 7.9): in the classroom market with a 50% take rate, sellers leave the platform within weeks
 * until only its private label is listed. A run told to stop when fewer than 2 sellers are listed ends at the close
 * of the first tick at which an unstopped run on the same seed has fewer than 2, with the same ticks until then
 * (stopping changes nothing before it), and stops.csv records the tick and the condition, the same whatever the
 * thread count.
 */
class StopConditionTest {
    private static final String MARKET = "extends: classroom\nhorizon: 60\npopulation: {size: 600}\n"
            + "platform: {take_rate: 0.5}\n";
    private static final String STOP = "stop:\n  when:\n    - \"market.hhi > 9999\"\n"
            + "    - \"platform.active_sellers < 2\"\n";

    @TempDir
    Path dir;

    private static Scenario scenario(String text) throws ScenarioException {
        return ScenarioLoader.loadText("stopping", text, List.of());
    }

    /** The first tick (1-based) at which the platform lists fewer than 2 sellers, from {@code from} on; 0 if none. */
    private static int firstBelowTwo(RunRecord run, int from) {
        int platform = 0;
        while (run.entities().get(platform).type() != EntityType.PLATFORM) {
            platform++;
        }
        for (int t = from - 1; t < run.ticksRecorded(); t++) {
            double[][] v = run.entityVectors(t);
            if (Metric.ACTIVE_SELLERS.value(EntityType.PLATFORM, v[platform], v[v.length - 1], 0) < 2) {
                return t + 1;
            }
        }
        return 0;
    }

    @Test
    void aConditionStopsTheRunAtTheFirstTickItHolds() throws Exception {
        MarketConfig free = scenario(MARKET).config();
        MarketConfig stopping = scenario(MARKET + STOP).config();
        MarketConfig late = scenario(MARKET + STOP + "  from: 40\n").config();
        int stoppedEarly = 0;
        for (int r = 0; r < 4; r++) {
            long seed = Replicator.seed(11, r);
            RunRecord whole = MarketModel.run(free, seed);
            RunRecord stopped = MarketModel.run(stopping, seed);
            int expected = firstBelowTwo(whole, 1);
            assertThat(expected).as("sellers leave the platform at a 50% take rate (replication %d)", r)
                    .isBetween(2, 59);
            assertThat(stopped.ticksRecorded()).isEqualTo(expected);
            assertThat(stopped.stoppedBy()).isEqualTo(1); // the second condition; the first never holds
            for (int t = 0; t < expected; t++) {
                assertThat(stopped.entityVectors(t)).as("tick %d", t + 1).isDeepEqualTo(whole.entityVectors(t));
            }
            stoppedEarly += expected < 60 ? 1 : 0;
            // from: 40, past every natural stop: the first tick from 40 on at which it holds
            RunRecord fromForty = MarketModel.run(late, seed);
            assertThat(fromForty.ticksRecorded()).isEqualTo(firstBelowTwo(whole, 40));
            assertThat(MarketModel.run(free, seed).stoppedBy()).isEqualTo(-1);
        }
        assertThat(stoppedEarly).isEqualTo(4);
    }

    @Test
    void stopsCsvRecordsEachReplicationTheSameWhateverTheThreads() throws Exception {
        Scenario s = scenario(MARKET + STOP);
        Path one = ResultsFolder.run(dir.resolve("one"), new Experiment(s, List.of(), 5, 11, 1)).folder();
        Path three = ResultsFolder.run(dir.resolve("three"), new Experiment(s, List.of(), 5, 11, 3)).folder();
        List<String> stops = Files.readAllLines(one.resolve(ResultFiles.STOPS));
        assertThat(stops.get(0)).isEqualTo("replication,seed,ticks,stopped_by");
        assertThat(stops).hasSize(6);
        for (String line : stops.subList(1, 6)) {
            assertThat(line).endsWith(",platform.active_sellers < 2");
        }
        for (String file : List.of(ResultFiles.STOPS, ResultFiles.TIMESERIES, ResultFiles.SUMMARY,
                ResultFiles.AGGREGATE)) {
            assertThat(Files.readAllBytes(three.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
        // a scenario without stop conditions writes no stops.csv
        Path plain = ResultsFolder.run(dir.resolve("plain"), new Experiment(scenario(MARKET), List.of(), 2, 11, 1))
                .folder();
        assertThat(plain.resolve(ResultFiles.STOPS)).doesNotExist();
    }

    @Test
    void aBadConditionIsToldAtItsLine() {
        assertThatThrownBy(() -> scenario(MARKET + "stop:\n  when: [\"platform.membrs < 0.05\", \"5 < 3\"]\n"
                + "  from: 0\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("stop.when[0] (line 6, column")
                .hasMessageContaining("no metric 'membrs' (did you mean 'members'?)")
                .hasMessageContaining("stop.when[1] (line 6, column").hasMessageContaining("compares only numbers")
                .hasMessageContaining("stop.from (line 7, column 3): (0) must be in [1, 10000]");
        assertThatThrownBy(() -> scenario(MARKET + "stop: {when: \"platfrm.members < 0.05\"}\n"))
                .hasMessageContaining("no entity 'platfrm' in this market (did you mean 'platform'?)");
        assertThatThrownBy(() -> scenario(MARKET + "stop: {from: 3}\n")).hasMessageContaining("stop.when: missing");
    }
}
