package marketsim.results.sweep;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import marketsim.core.metrics.Metric;
import marketsim.results.Provenance;
import marketsim.results.journal.Journal;

/**
 * A sweep's finished runs, kept in a {@link Journal} so a killed sweep resumes: one record per run,
 * {@code run,value,value,...} with every metric of every entity written by {@link Double#toString}
 * (which reads back exactly), so resumed runs give the same files as uninterrupted ones. The
 * journal belongs to the plan's identity and the shard.
 */
public final class SweepJournal implements Closeable {
    private static final String KIND = "sweep";

    private final Journal journal;
    private final SweepPlan plan;
    private final Map<Integer, double[][]> done = new HashMap<>();

    private SweepJournal(SweepPlan plan, Journal journal) {
        this.plan = plan;
        this.journal = journal;
    }

    /** A journal that keeps nothing (for tests and callers that need no resume). */
    public static SweepJournal none(SweepPlan plan) {
        return new SweepJournal(plan, Journal.none());
    }

    /** The journal file for a sweep: hidden, next to where its results go, named by the sweep's identity. */
    public static Path fileFor(Path resultsParent, SweepPlan plan, Sweep.Shard shard) {
        return Journal.file(resultsParent, KIND, plan.scenario()
                + (shard.whole() ? "" : "-shard-" + shard.index() + "-of-" + shard.count()), fingerprint(plan, shard));
    }

    /**
     * Opens (or creates) the journal and reads the runs it holds; throws
     * {@link marketsim.results.journal.JournalInUseException} if another process holds it.
     */
    public static SweepJournal open(Path file, SweepPlan plan, Sweep.Shard shard) throws IOException {
        Map<Integer, double[][]> read = new HashMap<>();
        SweepJournal journal = new SweepJournal(plan,
                Journal.open(file, KIND, fingerprint(plan, shard), line -> parse(plan, line, read)));
        journal.done.putAll(read);
        return journal;
    }

    private static String fingerprint(SweepPlan plan, Sweep.Shard shard) {
        return identity(plan) + " shard " + shard;
    }

    /** The plan's identity with the engine's: another version or generator never resumes an old journal. */
    static String identity(SweepPlan plan) {
        return plan.identity() + "-" + Provenance.engine();
    }

    private static boolean parse(SweepPlan plan, String line, Map<Integer, double[][]> into) {
        String[] cells = line.split(",", -1);
        try {
            int run = Integer.parseInt(cells[0]);
            if (run < 0 || run >= plan.runs()) {
                return false;
            }
            double[][] values = values(plan, run, cells);
            if (values == null) {
                return false;
            }
            into.put(run, values);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A run's values from the cells of its line (the run number first): its entities' summary metrics, then (see
     * {@link Sweep.Model}) each of the plan's outcomes at every tick, all outcomes for as many ticks, then the ticks
     * the run ran and the stop condition that ended it ({@link Sweep#stop}); null if the
     * cells cannot be that. Throws NumberFormatException for a cell that is not a number.
     */
    /** The cells of a run's stop row: its ticks and its stop condition. */
    static final int STOP_CELLS = 2;

    static double[][] values(SweepPlan plan, int run, String[] cells) {
        int metrics = Metric.values().length;
        int entities = plan.entities(run / plan.replications()).size();
        int outcomes = plan.outcomes().size();
        int rest = cells.length - 1 - entities * metrics;
        boolean stop = rest > 0; // a model that leaves out the series leaves out the stop row too (Sweep.Model)
        int series = rest - (stop ? STOP_CELLS : 0);
        if (series < 0 || (outcomes == 0 ? series != 0 : series % outcomes != 0)) {
            return null;
        }
        int ticks = outcomes == 0 ? 0 : series / outcomes;
        double[][] values = new double[entities + (ticks == 0 ? 0 : outcomes) + (stop ? 1 : 0)][];
        int cell = 1;
        for (int row = 0; row < values.length; row++) {
            values[row] = new double[row < entities ? metrics : stop && row == values.length - 1 ? STOP_CELLS : ticks];
            for (int k = 0; k < values[row].length; k++) {
                values[row][k] = Double.parseDouble(cells[cell++]);
            }
        }
        return values;
    }

    /** The count of values {@link #values} expects of a run without its series, for messages. */
    static int summaryCells(SweepPlan plan, int run) {
        return plan.entities(run / plan.replications()).size() * Metric.values().length;
    }

    /** The values of {@code run} if the journal holds it, else null. */
    public double[][] get(int run) {
        return done.get(run);
    }

    public int size() {
        return done.size();
    }

    /** Records a finished run; the line is on disk (in the OS's hands) when this returns. */
    public void append(int run, double[][] values) throws IOException {
        journal.append(line(run, values));
    }

    /** A run's record: its number and its values, exactly (also a shard folder's shard-runs.txt line). */
    static String line(int run, double[][] values) {
        StringBuilder line = new StringBuilder().append(run);
        for (double[] entity : values) {
            for (double v : entity) {
                line.append(',').append(Double.toString(v));
            }
        }
        return line.toString();
    }

    public Path file() {
        return journal.file();
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    /** Closes and removes the journal: the sweep's results are written. */
    public void delete() throws IOException {
        journal.delete();
    }
}
