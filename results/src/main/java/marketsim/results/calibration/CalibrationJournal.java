package marketsim.results.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import marketsim.results.journal.Journal;

/**
 * A calibration's finished evaluations, kept in a {@link Journal} so that one that is killed
 * resumes where it stopped when the same command is run again. One record per evaluation, tab
 * separated: its number, its positions in [0, 1]^d, parameter values, loss and each target's
 * outcome per replication, every number written by {@link Double#toString} so it reads back to
 * the same double. The journal belongs to the calibration's fingerprint, and its creation time is
 * when the calibration began.
 */
public final class CalibrationJournal implements AutoCloseable {
    private static final String KIND = "calibrate";

    private final Journal journal;
    private final List<Calibration.Evaluation> evaluations;

    private CalibrationJournal(Journal journal, List<Calibration.Evaluation> evaluations) {
        this.journal = journal;
        this.evaluations = evaluations;
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
        List<Calibration.Evaluation> read = new ArrayList<>();
        Journal journal = Journal.open(file, KIND, setup.fingerprint(), line -> {
            Calibration.Evaluation e = parse(line, read.size() + 1, setup);
            return e != null && read.add(e);
        });
        return new CalibrationJournal(journal, List.copyOf(read));
    }

    /** An evaluation line, or null if it is not a whole line of this calibration. */
    private static Calibration.Evaluation parse(String line, int index, CalibrationSetup setup) {
        String[] fields = line.split("\t", -1);
        int d = setup.parameters().size();
        int targets = setup.targets().targets().size();
        try {
            if (fields.length != 5 || Integer.parseInt(fields[0]) != index) {
                return null;
            }
            double[] point = numbers(fields[1], d);
            double[] values = numbers(fields[2], d);
            double loss = Double.parseDouble(fields[3]);
            String[] perTarget = fields[4].split(";", -1);
            if (point == null || values == null || perTarget.length != targets) {
                return null;
            }
            double[][] outcomes = new double[targets][];
            for (int k = 0; k < targets; k++) {
                outcomes[k] = numbers(perTarget[k], setup.replications());
                if (outcomes[k] == null) {
                    return null;
                }
            }
            return new Calibration.Evaluation(index, point, values, loss, outcomes);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double[] numbers(String field, int count) {
        String[] parts = field.split(",", -1);
        if (parts.length != count) {
            return null;
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    /** The key of a candidate: its positions, exactly. */
    static String key(double[] point) {
        return join(point);
    }

    private static String join(double[] xs) {
        StringJoiner j = new StringJoiner(",");
        for (double x : xs) {
            j.add(Double.toString(x));
        }
        return j.toString();
    }

    /** Appends one evaluation; it reaches the file (the operating system) before this returns. */
    void append(Calibration.Evaluation e) throws IOException {
        StringJoiner outcomes = new StringJoiner(";");
        for (double[] perRep : e.outcomes()) {
            outcomes.add(join(perRep));
        }
        journal.append(e.index() + "\t" + join(e.point()) + "\t" + join(e.values()) + "\t" + e.loss() + "\t"
                + outcomes);
    }

    /** Keeps the first {@code count} evaluations only. */
    void truncate(int count) throws IOException {
        journal.truncate(count);
    }

    /** The evaluations read when it was opened, in order. */
    public List<Calibration.Evaluation> evaluations() {
        return evaluations;
    }

    /** When the calibration first began (this run's start for a new journal). */
    public Instant started() {
        return journal.created();
    }

    public Path file() {
        return journal.file();
    }

    /** Closes and deletes the journal: the results folder now holds everything it did. */
    public void delete() throws IOException {
        journal.delete();
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
