package marketsim.results.calibration;

import java.io.IOException;
import java.nio.file.Path;

import marketsim.results.journal.Journal;
import marketsim.results.search.EvaluationJournal;

/**
 * A calibration's finished evaluations ({@link EvaluationJournal}): each target's outcome per replication, so that
 * a calibration that is killed resumes where it stopped when the same command is run again. The journal belongs to
 * the calibration's fingerprint.
 */
public final class CalibrationJournal extends EvaluationJournal {
    private static final String KIND = "calibrate";

    private CalibrationJournal(EvaluationJournal opened) {
        super(opened);
    }

    /** The journal of {@code setup} in {@code folder}: {@code .calibrate-NAME-HASH.journal}. */
    public static Path file(Path folder, CalibrationSetup setup) {
        return Journal.file(folder, KIND, setup.base().name(), setup.fingerprint());
    }

    /**
     * Opens (creating) the journal of {@code setup} at {@code file} and reads the evaluations it
     * holds; throws {@link marketsim.results.journal.JournalInUseException} if another process has it open.
     */
    public static CalibrationJournal open(Path file, CalibrationSetup setup) throws IOException {
        return new CalibrationJournal(EvaluationJournal.open(file, KIND, setup.fingerprint(),
                setup.parameters().size(), setup.targets().targets().size(), setup.replications()));
    }
}
