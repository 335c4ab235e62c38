package marketsim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import marketsim.results.ExperimentRunner;

/**
 * A one-line progress bar with an ETA on stderr, redrawn in place. Silent when stderr is not a
 * terminal (a pipe, a log file, a test) or with {@code --quiet}.
 */
final class ProgressBar implements ExperimentRunner.Progress, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private final boolean enabled;
    private boolean drawn;

    private ProgressBar(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    static ProgressBar create(PrintWriter err, boolean quiet, String label) {
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return new ProgressBar(err, label, terminal && !quiet);
    }

    @Override
    public synchronized void finished(int done, int total) {
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
