package marketsim.results.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import marketsim.core.random.Streams;

/**
 * Runs jobs {@code 0..n-1} (a replication, a design point's run, a candidate's replication) on a
 * pool of worker threads and hands each result to a {@link Sink} on the calling thread in job
 * order, never in the order the workers happen to finish: output is a function of the job list,
 * whatever the thread count (STYLE.md, "Randomness and output").
 *
 * <p>Memory is flat in {@code n}: at most {@link #window(int)} jobs ({@value #WINDOW_PER_THREAD} per
 * thread) are submitted and not yet consumed, whether queued, running or finished and waiting for
 * an earlier one. A job reduces its run in the worker (to a record, a row of summary values) and
 * the sink drops the result once it has written or folded it, so 40,000 replications hold no more
 * than 40.
 *
 * <p>Failure: a job that throws stops the batch at that job. No job after it starts, every job
 * before it runs and reaches the sink in order, and {@code run} then throws a
 * {@link ReplicationException} naming the lowest-numbered job that failed (whatever the threads'
 * timing), with that job's exception as its cause (a job's {@link java.io.UncheckedIOException}, such as a
 * journal that could not be written, is thrown as its {@link IOException}: a file's failure, not the run's); the
 * pool is shut down, interrupting the jobs
 * still running (a model run stops at its next tick). An interrupt of the calling thread shuts the
 * pool down the same way and is thrown as {@link InterruptedException}; an exception from the
 * sink ends the batch likewise.
 */
public final class Replicator {
    /** Jobs in the window per worker thread: enough that a slow job does not idle the others. */
    public static final int WINDOW_PER_THREAD = 4;

    /** One job: its result from its number alone (a pure function of configuration and seed). */
    @FunctionalInterface
    public interface Job<R> {
        R run(int job);
    }

    /** Receives each result in job order, on the thread that called {@code run}. */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(int job, R result) throws IOException;
    }

    /** Hears the count of results consumed so far (in job order, on the calling thread). */
    @FunctionalInterface
    public interface Progress {
        void finished(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    private final String name;
    private final int threads;
    private final IntFunction<String> names;

    /** A replicator of {@code threads} workers; {@code name} names its threads and its failures ("replication 3 failed"). */
    public Replicator(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread");
        }
        this.name = name;
        this.threads = threads;
        this.names = job -> name + " " + (job + 1);
    }

    private Replicator(String name, int threads, IntFunction<String> names) {
        this.name = name;
        this.threads = threads;
        this.names = names;
    }

    /** This replicator, naming a failed job by {@code names} (e.g. a sweep's point and replication) in its message. */
    public Replicator naming(IntFunction<String> names) {
        return new Replicator(name, threads, names);
    }

    /**
     * The seed of replication {@code rep} (0-based) under {@code masterSeed}: the one seed source
     * of every study, so replication {@code r} of an experiment, a sweep point, a calibration
     * candidate or a validation check runs on the same stream (common random numbers).
     */
    public static long seed(long masterSeed, int rep) {
        return Streams.replicationSeed(masterSeed, rep);
    }

    public int threads() {
        return threads;
    }

    /** The most results held at once for a batch of {@code jobs}. */
    public int window(int jobs) {
        return Math.min(jobs, WINDOW_PER_THREAD * Math.min(threads, jobs));
    }

    /** As {@link #run(int, Job, Sink, Progress)} without progress. */
    public <R> void run(int jobs, Job<? extends R> job, Sink<? super R> sink) throws InterruptedException, IOException {
        run(jobs, job, sink, Progress.NONE);
    }

    /** Runs jobs {@code 0..jobs-1}, handing each result to {@code sink} in job order. */
    public <R> void run(int jobs, Job<? extends R> job, Sink<? super R> sink, Progress progress)
            throws InterruptedException, IOException {
        if (jobs <= 0) {
            return;
        }
        int window = window(jobs);
        Window<R> results = new Window<>(window);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            int submitted = 0;
            for (int next = 0; next < jobs; next++) {
                for (; submitted < jobs && submitted < next + window; submitted++) {
                    int j = submitted;
                    pool.execute(() -> results.complete(j, job));
                }
                sink.accept(next, results.take(next, names));
                progress.finished(next + 1, jobs);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The ring of submitted jobs' results, slot {@code job % size}; a job's slot is free once its predecessor by
     * {@code size} is consumed. A failed job keeps its own failure in its slot, and a job starts only if no job
     * before it has failed: so every job before the lowest-numbered failure runs and reaches the sink, and the
     * failure reported is always that lowest one, whatever the threads' timing.
     */
    private static final class Window<R> {
        private static final byte PENDING = 0;
        private static final byte DONE = 1;
        private static final byte FAILED = 2;

        private final Object[] results;
        private final Throwable[] failures;
        private final byte[] state;
        /** The lowest-numbered job that failed so far; jobs after it are not started. */
        private int lowestFailure = Integer.MAX_VALUE;

        Window(int size) {
            results = new Object[size];
            failures = new Throwable[size];
            state = new byte[size];
        }

        void complete(int job, Job<? extends R> work) {
            synchronized (this) {
                if (job > lowestFailure) {
                    return; // the batch ends at that failure before anyone takes this job
                }
            }
            int slot = job % results.length;
            try {
                R result = work.run(job);
                synchronized (this) {
                    results[slot] = result;
                    state[slot] = DONE;
                    notifyAll();
                }
            } catch (Throwable t) { // an Error too: the caller must hear of it, not wait forever
                synchronized (this) {
                    failures[slot] = t;
                    state[slot] = FAILED;
                    lowestFailure = Math.min(lowestFailure, job);
                    notifyAll();
                }
            }
        }

        /** Job {@code job}'s result, once it is done; its own failure if it failed. */
        @SuppressWarnings("unchecked")
        synchronized R take(int job, IntFunction<String> names) throws InterruptedException, IOException {
            int slot = job % results.length;
            while (state[slot] == PENDING) {
                wait();
            }
            if (state[slot] == FAILED) {
                Throwable failure = failures[slot];
                if (failure instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw new ReplicationException(names.apply(job) + " failed: " + failure, failure);
            }
            R result = (R) results[slot];
            results[slot] = null;
            state[slot] = PENDING;
            return result;
        }
    }
}
