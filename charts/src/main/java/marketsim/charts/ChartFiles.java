package marketsim.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.jfree.chart.JFreeChart;

/**
 * The charts of one folder, {@link #write written} (each as PNG and SVG) on several threads at once: rendering and
 * PNG encoding were most of a run's writing time, and each chart's two files depend on that chart alone, so the files
 * are the same whatever the thread count or the order the threads finish. A chart is built on the calling thread
 * ({@link #save}) or, {@link #later}, on the writing thread itself.
 */
final class ChartFiles {
    private final Path folder;
    private final int threads;
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(Supplier<JFreeChart> build, String name, Later later) {
    }

    /** A chart built when it is written: whether it was drawn (its data had one) is known after {@link #write}. */
    static final class Later {
        private volatile Boolean drawn;

        /** Whether the chart was drawn; only after {@link #write}. */
        boolean drawn() {
            if (drawn == null) {
                throw new IllegalStateException("not written yet");
            }
            return drawn;
        }
    }

    /** Charts written on as many threads as the machine has processors. */
    ChartFiles(Path folder) {
        this(folder, Runtime.getRuntime().availableProcessors());
    }

    ChartFiles(Path folder, int threads) {
        this.folder = folder;
        this.threads = threads;
    }

    /** NAME.png and NAME.svg of {@code chart}, to be written by {@link #write}; the chart must not change after. */
    void save(JFreeChart chart, String name) {
        later(() -> chart, name);
    }

    /**
     * NAME.png and NAME.svg of the chart {@code build} gives (null: none, nothing written), built on the thread that
     * writes it: building the charts of a run's many time series is then spread over the threads too. {@code build}
     * must only read what no thread changes.
     */
    Later later(Supplier<JFreeChart> build, String name) {
        Later later = new Later();
        pending.add(new Pending(build, name, later));
        return later;
    }

    /** Builds and writes one pending chart. */
    private void write(Pending p) throws IOException {
        JFreeChart chart = p.build().get();
        p.later().drawn = chart != null;
        if (chart != null) {
            Charts.save(chart, folder, p.name());
        }
    }

    /**
     * Writes every chart saved so far, on this object's threads (at most one per chart).
     * A failure is the first failing chart's, in the order they were saved; the files of the others may be written.
     */
    void write() throws IOException {
        int threads = Math.min(pending.size(), this.threads);
        if (threads <= 1) {
            for (Pending p : pending) {
                write(p);
            }
            pending.clear();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "charts");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Pending p : pending) {
                done.add(pool.submit(() -> {
                    try {
                        write(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing the charts");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
            pending.clear();
        }
    }
}
