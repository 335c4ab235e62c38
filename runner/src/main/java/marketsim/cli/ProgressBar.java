package marketsim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import marketsim.results.replication.Replicator;

/**
 * Progress on stderr: on a terminal, a one-line bar with an ETA redrawn in place; otherwise (a
 * log file, a cluster job's output) a plain line at every tenth of the work, so a log shows how
 * far a run got. Silent with {@code --quiet}.
 */
final class ProgressBar implements Replicator.Progress, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private final boolean enabled;
    /** Not a terminal: print a line at each tenth instead of redrawing. */
    private final boolean lines;
    private int lastTenth;
    private boolean drawn;

    /** Tenths of the work between plain progress lines. */
    private static final int TENTHS = 10;

    private ProgressBar(PrintWriter err, String label, boolean enabled, boolean lines) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.lines = lines;
    }

    static ProgressBar create(PrintWriter err, boolean quiet, String label) {
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return new ProgressBar(err, label, terminal && !quiet, !terminal && !quiet);
    }

    @Override
    public synchronized void finished(int done, int total) {
        if (lines) {
            int tenth = total > 0 ? TENTHS * done / total : TENTHS;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                long elapsed = System.nanoTime() - start;
                err.printf(Locale.ROOT, "%d/%d %s done, %s elapsed%n", done, total, label,
                        format(Duration.ofNanos(elapsed)));
                err.flush();
            }
            return;
        }
        if (!enabled) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        long eta = done == 0 ? 0 : elapsed / done * (total - done);
        int filled = WIDTH * done / total;
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d %s, %s left ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, label, format(Duration.ofNanos(eta)));
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
