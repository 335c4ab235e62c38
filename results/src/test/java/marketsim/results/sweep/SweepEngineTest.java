package marketsim.results.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.format.ResultFiles;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.results.sensitivity.MorrisIndex;
import marketsim.results.sensitivity.SobolIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import marketsim.results.replication.Replicator;
import marketsim.results.experiment.ResultsFolder;

/**
 * The sweep engine (design, run list, journal, shards, analyses, files) driven by functions with
 * known answers in place of the market model: the same code path a model sweep takes from the
 * design to sobol.csv, with only {@link Sweep.Model} swapped.
 */
class SweepEngineTest {
    private static final Entity MARKET = new Entity(EntityType.MARKET, "market", "");
    /** The outcome the test functions write into: the market's HHI slot. */
    private static final String OUTCOME = "market.hhi";
    private static final double A = 7;
    private static final double B = 0.1;

    @TempDir
    Path dir;

    private static SweepPlan plan(List<Factor> factors, Design design, int samples, int levels, int reps,
                                  String condition) {
        return new SweepPlan("test-function", List.of(), new ObjectMapper().createObjectNode(), design, samples, levels,
                factors, reps, 42, List.of(OUTCOME), condition, List.of(List.of(MARKET)),
                SweepPlan.layout(factors, design, samples, levels, 42));
    }

    private static List<Factor> ranges(int k, double from, double to) {
        List<Factor> out = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            out.add(new Factor("x" + i, List.of(), from, to, false));
        }
        return out;
    }

    /** A model that evaluates f on the point's factor values (plus noise from the seed if asked). */
    private static Sweep.Model function(SweepPlan plan, java.util.function.ToDoubleFunction<double[]> f) {
        return (point, seed) -> {
            double[] x = plan.points().get(point).values().stream().mapToDouble(Double::parseDouble).toArray();
            double[][] v = new double[1][Metric.values().length];
            v[0][Metric.HHI.ordinal()] = f.applyAsDouble(x);
            return v;
        };
    }

    private static double ishigami(double[] x) {
        return Math.sin(x[0]) + A * Math.pow(Math.sin(x[1]), 2) + B * Math.pow(x[2], 4) * Math.sin(x[0]);
    }

    private static Sweep.Result run(SweepPlan plan, Sweep.Model model) throws Exception {
        return Sweep.run(plan, model, Sweep.Shard.WHOLE, 2, SweepJournal.none(plan), Replicator.Progress.NONE);
    }

    /**
     * Ishigami (a = 7, b = 0.1) has S1 = (0.3139, 0.4424, 0) and ST = (0.5576, 0.4424, 0.2437).
     * With 4096 base samples (20,480 evaluations) the bootstrap 95% intervals are about +-0.03
     * wide; each analytic value must lie in its interval widened by 0.02 (the percentile
     * bootstrap of these estimators is slightly anti-conservative, Saltelli 2010), and each
     * estimate within 0.05. The design is deterministic (a Sobol sequence) and the bootstrap
     * seeded, so this cannot fail by chance; a wrong estimator or design is off by far more.
     */
    @Test
    void sobolThroughTheEngineRecoversIshigamiIndices() throws Exception {
        SweepPlan plan = plan(ranges(3, -Math.PI, Math.PI), Design.SOBOL, 4096, 0, 1, null);
        List<SweepAnalysis.Sensitivity> s = SweepAnalysis.sensitivity(run(plan, function(plan, SweepEngineTest::ishigami)));
        assertThat(s).hasSize(1);
        double[] first = {0.3139, 0.4424, 0};
        double[] total = {0.5576, 0.4424, 0.2437};
        double margin = 0.02;
        for (int i = 0; i < 3; i++) {
            SobolIndex idx = s.get(0).sobol().get(i);
            assertThat(first[i]).as("S1 x%d: %s", i + 1, idx).isBetween(idx.firstLow() - margin, idx.firstHigh() + margin);
            assertThat(total[i]).as("ST x%d: %s", i + 1, idx).isBetween(idx.totalLow() - margin, idx.totalHigh() + margin);
            assertThat(idx.first()).isCloseTo(first[i], org.assertj.core.data.Offset.offset(0.05));
            assertThat(idx.total()).isCloseTo(total[i], org.assertj.core.data.Offset.offset(0.05));
        }
    }

    /**
     * Sobol's g-function with a = (0, 1, 4.5, 9, 99, 99): input i matters less as a_i grows.
     * Morris with 40 trajectories must rank the first four strictly by mu* (their true mu* differ
     * by factors of 2 and more, far beyond the estimate's error at r = 40), and put the two
     * a = 99 inputs last.
     */
    @Test
    void morrisThroughTheEngineRanksTheGFunctionsInputs() throws Exception {
        double[] a = {0, 1, 4.5, 9, 99, 99};
        SweepPlan plan = plan(ranges(6, 0, 1), Design.MORRIS, 40, 4, 1, null);
        Sweep.Model g = function(plan, x -> {
            double y = 1;
            for (int i = 0; i < x.length; i++) {
                y *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
            }
            return y;
        });
        List<MorrisIndex> m = SweepAnalysis.sensitivity(run(plan, g)).get(0).morris();
        for (int i = 0; i < 3; i++) {
            assertThat(m.get(i).muStar()).as("mu* of x%d > x%d", i + 1, i + 2).isGreaterThan(m.get(i + 1).muStar());
        }
        assertThat(Math.max(m.get(4).muStar(), m.get(5).muStar())).isLessThan(m.get(3).muStar());
    }

    /** A linear function's elementary effects are its coefficients times the range, exactly. */
    @Test
    void morrisOfALinearFunctionIsExact() throws Exception {
        SweepPlan plan = plan(ranges(3, 0, 2), Design.MORRIS, 5, 4, 1, null);
        Sweep.Model linear = function(plan, x -> 3 * x[0] - x[1] + 0.5 * x[2]);
        List<MorrisIndex> m = SweepAnalysis.sensitivity(run(plan, linear)).get(0).morris();
        double[] expected = {6, -2, 1}; // coefficient x range (2): effects are per unit of the [0, 1] coordinate
        for (int i = 0; i < 3; i++) {
            assertThat(m.get(i).mu()).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(m.get(i).muStar()).isCloseTo(Math.abs(expected[i]), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(m.get(i).sigma()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** PRIM on a Latin hypercube finds the box where y > 0.5 holds: x1 above 0.6 and x2 below 0.3. */
    @Test
    void discoveryFindsTheBoxOnALatinHypercube() throws Exception {
        SweepPlan plan = plan(ranges(3, 0, 1), Design.LHS, 1000, 0, 1, OUTCOME + " > 0.5");
        Sweep.Result r = run(plan, function(plan, x -> x[0] > 0.6 && x[1] < 0.3 ? 1 : 0));
        SweepAnalysis.Discovery d = SweepAnalysis.discovery(r);
        var box = d.prim().box();
        assertThat(box.density()).isGreaterThanOrEqualTo(0.8);
        assertThat(box.coverage()).isGreaterThanOrEqualTo(0.7);
        assertThat(box.lower()[0]).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.05));
        assertThat(box.upper()[1]).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.05));
        assertThat(box.restricted()[2]).isFalse();
    }

    /**
     * A sweep killed after 7 of 24 runs resumes from its journal: the re-run simulates only the
     * 17 missing runs and gives the same values as an uninterrupted sweep. The "kill" is a model
     * that throws on its 8th call; a torn half line is added to the journal as a real kill leaves.
     */
    @Test
    void aKilledSweepResumesWithoutRedoingFinishedRuns() throws Exception {
        SweepPlan plan = plan(ranges(2, 0, 1), Design.LHS, 8, 0, 3, null);
        Sweep.Model noisy = (point, seed) -> {
            double[][] v = new double[1][Metric.values().length];
            v[0][Metric.HHI.ordinal()] = point + (seed % 1000) / 1000.0;
            return v;
        };
        Path journalFile = SweepJournal.fileFor(dir, plan, Sweep.Shard.WHOLE);
        AtomicInteger calls = new AtomicInteger();
        try (SweepJournal journal = SweepJournal.open(journalFile, plan, Sweep.Shard.WHOLE)) {
            assertThatThrownBy(() -> Sweep.run(plan, (p, s) -> {
                if (calls.incrementAndGet() > 7) {
                    throw new IllegalStateException("killed");
                }
                return noisy.run(p, s);
            }, Sweep.Shard.WHOLE, 1, journal, Replicator.Progress.NONE)).hasMessageContaining("killed");
        }
        Files.writeString(journalFile, "13,0.5,0.2", java.nio.file.StandardOpenOption.APPEND);
        AtomicInteger rerun = new AtomicInteger();
        Sweep.Result resumed;
        List<String> resumedRuns = new ArrayList<>();
        try (SweepJournal journal = SweepJournal.open(journalFile, plan, Sweep.Shard.WHOLE)) {
            assertThat(journal.size()).isEqualTo(7);
            resumed = Sweep.run(plan, (p, s) -> {
                rerun.incrementAndGet();
                return noisy.run(p, s);
            }, Sweep.Shard.WHOLE, 2, journal, Replicator.Progress.NONE,
                    (run, values) -> resumedRuns.add(SweepJournal.line(run, values)));
        }
        List<String> wholeRuns = new ArrayList<>();
        Sweep.run(plan, noisy, Sweep.Shard.WHOLE, 2, SweepJournal.none(plan), Replicator.Progress.NONE,
                (run, values) -> wholeRuns.add(SweepJournal.line(run, values)));
        assertThat(rerun.get()).isEqualTo(24 - 7);
        assertThat(resumed.resumed()).isEqualTo(7);
        assertThat(resumedRuns).hasSize(24).isEqualTo(wholeRuns); // every run, in run order, the same values
    }

    /**
     * A journal that cannot take a record (here closed under the sweep, as a full disk refuses it) stops the sweep
     * with an I/O failure naming the journal, not a failed run: the user can fix it and resume.
     */
    @Test
    void aJournalThatCannotBeWrittenIsAFileFailureNamingIt() throws Exception {
        SweepPlan plan = plan(ranges(1, 0, 1), Design.LHS, 4, 0, 1, null);
        Path file = SweepJournal.fileFor(dir, plan, Sweep.Shard.WHOLE);
        SweepJournal journal = SweepJournal.open(file, plan, Sweep.Shard.WHOLE);
        journal.close();
        assertThatThrownBy(() -> Sweep.run(plan, function(plan, x -> x[0]), Sweep.Shard.WHOLE, 2, journal,
                Replicator.Progress.NONE)).isInstanceOf(marketsim.results.journal.JournalWriteException.class)
                .hasMessageContaining(file.toString());
    }

    /** Another process holding the journal is refused, not interleaved. */
    @Test
    void aJournalInUseIsRefused() throws Exception {
        SweepPlan plan = plan(ranges(1, 0, 1), Design.LHS, 4, 0, 1, null);
        Path file = SweepJournal.fileFor(dir, plan, Sweep.Shard.WHOLE);
        try (SweepJournal first = SweepJournal.open(file, plan, Sweep.Shard.WHOLE)) {
            assertThatThrownBy(() -> SweepJournal.open(file, plan, Sweep.Shard.WHOLE))
                    .hasMessageContaining("another marketsim is running this sweep");
        }
    }

    /** Four shards merged write the same files as the whole sweep run on one machine, byte for byte. */
    @Test
    void fourShardsMergedEqualTheWholeSweep() throws Exception {
        SweepPlan plan = plan(ranges(3, -Math.PI, Math.PI), Design.SOBOL, 16, 0, 2, OUTCOME + " > 3");
        Sweep.Model f = function(plan, SweepEngineTest::ishigami);
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Sweep.Shard shard = new Sweep.Shard(i, 4);
            shards.add(ShardFolder.run(dir.resolve("shard-" + i), plan, f, shard, 1, SweepJournal.none(plan),
                    Replicator.Progress.NONE));
        }
        Path merged = ShardFolder.merge(List.of(shards.get(2), shards.get(0), shards.get(3), shards.get(1)),
                dir.resolve("merged"), ResultsFolder.Finisher.NONE).folder();
        Path whole = SweepFolder.run(dir.resolve("whole"), plan, f, 3, SweepJournal.none(plan), Replicator.Progress.NONE,
                ResultsFolder.Finisher.NONE).folder();
        assertSameFolder(whole, merged);
        assertThatThrownBy(() -> ShardFolder.read(shards.subList(0, 3))).hasMessageContaining("missing slices 4/4");
        assertThatThrownBy(() -> ShardFolder.read(List.of(shards.get(0), shards.get(0))))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> ShardFolder.read(List.of(whole))).hasMessageContaining("not a sweep shard folder");
    }

    /** Every file of {@code expected} is in {@code actual} with the same bytes; manifests equal but for timing. */
    static void assertSameFolder(Path expected, Path actual) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(expected)) {
            files = walk.filter(Files::isRegularFile).map(expected::relativize).sorted().toList();
        }
        assertThat(files).contains(Path.of(ResultFiles.RUNS), Path.of(ResultFiles.POINTS));
        for (Path file : files) {
            if (file.toString().equals(ResultFiles.MANIFEST)) {
                assertThat(provenanceRemoved(actual.resolve(file))).isEqualTo(provenanceRemoved(expected.resolve(file)));
            } else {
                assertThat(Files.mismatch(expected.resolve(file), actual.resolve(file))).as(file.toString())
                        .isEqualTo(-1L);
            }
        }
    }

    /** A manifest without the fields that say when, on how many threads and from how many shards it ran. */
    static ObjectNode provenanceRemoved(Path manifest) throws IOException {
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
        m.remove(List.of("started", "finished", "threads", "shards"));
        return m;
    }
}
