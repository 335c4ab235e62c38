package marketsim.results.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import marketsim.results.journal.Journal;

/**
 * A search's finished evaluations, kept in a {@link Journal} so that one that is killed resumes where it stopped
 * when the same command is run again. One record per evaluation, tab separated: its number, its positions in
 * [0, 1]^d, parameter values, loss and each outcome per run, every number written by {@link Double#toString} so it
 * reads back to the same double. The journal belongs to the study's fingerprint, and its creation time is when the
 * study began.
 */
public class EvaluationJournal implements AutoCloseable {
    private final Journal journal;
    private final List<Evaluation> evaluations;

    protected EvaluationJournal(EvaluationJournal opened) {
        this.journal = opened.journal;
        this.evaluations = opened.evaluations;
    }

    private EvaluationJournal(Journal journal, List<Evaluation> evaluations) {
        this.journal = journal;
        this.evaluations = evaluations;
    }

    /**
     * Opens (creating) the journal of a study of kind {@code kind} at {@code file} and reads the evaluations it
     * holds, each of {@code parameters} values and {@code outcomes} outcomes of {@code runs} runs; throws
     * {@link marketsim.results.journal.JournalInUseException} if another process has it open.
     */
    public static EvaluationJournal open(Path file, String kind, String fingerprint, int parameters, int outcomes,
                                         int runs) throws IOException {
        List<Evaluation> read = new ArrayList<>();
        Journal journal = Journal.open(file, kind, fingerprint, line -> {
            Evaluation e = parse(line, read.size() + 1, parameters, outcomes, runs);
            return e != null && read.add(e);
        });
        return new EvaluationJournal(journal, List.copyOf(read));
    }

    /** A journal that keeps nothing (tests, and searches that need no resume). */
    public static EvaluationJournal none() {
        return new EvaluationJournal(Journal.none(), List.of());
    }

    /** An evaluation line, or null if it is not a whole line of this study. */
    private static Evaluation parse(String line, int index, int d, int outcomeCount, int runs) {
        String[] fields = line.split("\t", -1);
        try {
            if (fields.length != 5 || Integer.parseInt(fields[0]) != index) {
                return null;
            }
            double[] point = numbers(fields[1], d);
            double[] values = numbers(fields[2], d);
            double loss = Double.parseDouble(fields[3]);
            String[] perOutcome = fields[4].split(";", -1);
            if (point == null || values == null || perOutcome.length != outcomeCount) {
                return null;
            }
            double[][] outcomes = new double[outcomeCount][];
            for (int k = 0; k < outcomeCount; k++) {
                outcomes[k] = numbers(perOutcome[k], runs);
                if (outcomes[k] == null) {
                    return null;
                }
            }
            return new Evaluation(index, point, values, loss, outcomes);
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
    void append(Evaluation e) throws IOException {
        StringJoiner outcomes = new StringJoiner(";");
        for (double[] perRun : e.outcomes()) {
            outcomes.add(join(perRun));
        }
        journal.append(e.index() + "\t" + join(e.point()) + "\t" + join(e.values()) + "\t" + e.loss() + "\t"
                + outcomes);
    }

    /** Keeps the first {@code count} evaluations only. */
    void truncate(int count) throws IOException {
        journal.truncate(count);
    }

    /** The evaluations read when it was opened, in order. */
    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /** When the study first began (this run's start for a new journal). */
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
