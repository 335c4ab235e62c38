package marketsim.results.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import marketsim.format.ResultFiles;
import marketsim.results.experiment.ResultsFolder;

/** Long work survives interruption: a killed calibration resumes where it stopped, to the same files. */
class CalibrationResumeTest {
    private static final int BUDGET = 16;
    private static final int KILLED_AFTER = 7;
    private static final List<String> COMPARED = List.of(ResultFiles.SCENARIO, ResultFiles.FIT,
            ResultFiles.PARAMETERS, ResultFiles.EVALUATIONS);

    @TempDir
    Path dir;

    private static CalibrationSetup setup(int threads) throws Exception {
        Targets targets = TargetsReader.parse("t.yaml", """
                parameters:
                  - {path: platform.take_rate, min: 0.05, max: 0.45}
                  - {path: platform.membership.variety_weight, min: 0.2, max: 1.4}
                targets:
                  - {outcome: product-focused.fee_share, range: [0.40, 0.55]}
                  - {outcome: platform.members, value: 0.3, scale: 0.01}
                """);
        return CalibrationSetup.prepare("platform-squeeze", List.of("population.size=500", "horizon=30",
                "metrics.summary_window=10"), targets, 2, 11, BUDGET, threads);
    }

    /** Runs the model, counting replications simulated. */
    private static Calibration.Simulator counting(AtomicInteger runs) {
        return (config, seed) -> {
            runs.incrementAndGet();
            return Calibration.Simulator.MODEL.run(config, seed);
        };
    }

    private Calibration.Result calibrate(CalibrationSetup setup, Path journalDir, Calibration.Simulator simulator,
                                         Calibration.Listener listener) throws Exception {
        try (CalibrationJournal journal = CalibrationJournal.open(CalibrationJournal.file(journalDir, setup), setup)) {
            return Calibration.run(setup, journal, simulator, listener);
        }
    }

    @Test
    void aKilledCalibrationReplaysItsJournalAndEndsWithTheSameFiles() throws Exception {
        AtomicInteger uninterruptedRuns = new AtomicInteger();
        Calibration.Result whole = calibrate(setup(1), dir.resolve("a"), counting(uninterruptedRuns),
                Calibration.Listener.NONE);
        Path wholeFolder = CalibrationFolder.write(dir.resolve("whole"), whole, ResultsFolder.Finisher.NONE);

        CalibrationSetup setup = setup(2);
        Path journalFile = CalibrationJournal.file(dir.resolve("b"), setup);
        AtomicInteger runsBeforeKill = new AtomicInteger();
        assertThatThrownBy(() -> calibrate(setup, dir.resolve("b"), counting(runsBeforeKill), (e, replayed) -> {
            if (e.index() == KILLED_AFTER) {
                throw new IllegalStateException("killed"); // as a kill would, after the journal line is written
            }
        })).hasMessage("killed");
        assertThat(Files.readAllLines(journalFile)).hasSize(1 + KILLED_AFTER); // header and one line per evaluation
        Files.writeString(journalFile, "8\t0.4,0.61\t0.2", StandardCharsets.UTF_8, StandardOpenOption.APPEND); // torn

        AtomicInteger resumedRuns = new AtomicInteger();
        Calibration.Result resumed;
        try (CalibrationJournal journal = CalibrationJournal.open(journalFile, setup)) {
            assertThat(journal.evaluations()).hasSize(KILLED_AFTER);
            resumed = Calibration.run(setup, journal, counting(resumedRuns), Calibration.Listener.NONE);
        }
        assertThat(resumed.replayed()).isEqualTo(KILLED_AFTER);
        assertThat(resumed.evaluations()).hasSize(BUDGET);
        assertThat(runsBeforeKill.get() + resumedRuns.get()).isEqualTo(uninterruptedRuns.get());
        Path resumedFolder = CalibrationFolder.write(dir.resolve("resumed"), resumed, ResultsFolder.Finisher.NONE);
        for (String file : COMPARED) {
            assertThat(Files.readAllBytes(resumedFolder.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(wholeFolder.resolve(file)));
        }
    }

    @Test
    void theJournalIsNamedByTheInputsAndIgnoredForOthers() throws Exception {
        CalibrationSetup setup = setup(1);
        assertThat(CalibrationJournal.file(dir, setup)).isEqualTo(CalibrationJournal.file(dir, setup(2)))
                .satisfies(f -> assertThat(f.getFileName().toString())
                        .matches("\\.calibrate-platform-squeeze-[0-9a-f]{16}\\.journal"));
        Path file = CalibrationJournal.file(dir, setup);
        Files.writeString(file, "# marketsim calibrate journal v1 0000 2026-01-01T00:00:00Z\n"
                + "1\t0.5,0.5\t0.25,0.8\t1.0\t1,1;1,1\n");
        try (CalibrationJournal journal = CalibrationJournal.open(file, setup)) {
            assertThat(journal.evaluations()).isEmpty(); // another calibration's journal is started afresh
        }
        assertThat(Files.readAllLines(file)).hasSize(1).allMatch(l -> l.startsWith("# marketsim calibrate journal v3 "));
    }

    @Test
    void aJournalInUseIsRefused() throws Exception {
        CalibrationSetup setup = setup(1);
        Path file = CalibrationJournal.file(dir, setup);
        try (CalibrationJournal first = CalibrationJournal.open(file, setup)) {
            assertThatThrownBy(() -> CalibrationJournal.open(file, setup)).hasMessageContaining("is in use");
        }
    }
}
