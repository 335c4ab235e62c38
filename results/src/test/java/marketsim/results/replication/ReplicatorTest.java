package marketsim.results.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

class ReplicatorTest {
    /**
     * 40,000 jobs on 4 threads reach the sink in job order, and never more than the window (16)
     * results exist at once: a result counts from the moment its job makes it until the sink has it.
     */
    @Test
    void manyJobsStreamInOrderHoldingNoMoreThanTheWindow() throws Exception {
        Replicator replicator = new Replicator("test", 4);
        int jobs = 40_000;
        AtomicInteger held = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> order = new ArrayList<>();
        replicator.run(jobs, job -> {
            if (job % 97 == 0) {
                LockSupport.parkNanos(200_000); // a slow job: later ones finish first and must wait
            }
            most.accumulateAndGet(held.incrementAndGet(), Math::max);
            return job;
        }, (job, result) -> {
            held.decrementAndGet();
            assertThat(result).isEqualTo(job);
            order.add(job);
        });
        assertThat(order).hasSize(jobs);
        for (int i = 0; i < jobs; i++) {
            assertThat(order.get(i)).isEqualTo(i);
        }
        assertThat(replicator.window(jobs)).isEqualTo(4 * Replicator.WINDOW_PER_THREAD);
        assertThat(most.get()).isLessThanOrEqualTo(replicator.window(jobs)).isPositive();
    }

    /** A failing job stops the batch: its exception is the cause, jobs before it were delivered, none after it ran on. */
    @Test
    void theFirstFailureEndsTheBatchWithItsException() {
        AtomicInteger started = new AtomicInteger();
        List<Integer> delivered = new ArrayList<>();
        assertThatThrownBy(() -> new Replicator("run", 1).run(1000, job -> {
            started.incrementAndGet();
            if (job == 7) {
                throw new IllegalStateException("killed");
            }
            return job;
        }, (job, result) -> delivered.add(job)))
                .isInstanceOf(ReplicationException.class)
                .hasMessageContaining("run 8 failed").hasMessageContaining("killed")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(delivered).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(started.get()).isEqualTo(8);
    }

    /**
     * Two jobs fail, the later one first in time: the failure reported is still the lower-numbered job's, and
     * every job before it reaches the sink (the outcome is a function of the job list, not of timing).
     */
    @Test
    void theLowestNumberedFailureIsReportedWhateverFailsFirst() {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Integer> delivered = new ArrayList<>();
            assertThatThrownBy(() -> new Replicator("run", 4).run(100, job -> {
                if (job == 5) {
                    LockSupport.parkNanos(5_000_000); // fails last in time
                    throw new IllegalStateException("slow failure");
                }
                if (job == 6) {
                    throw new IllegalStateException("fast failure");
                }
                return job;
            }, (job, result) -> delivered.add(job)))
                    .isInstanceOf(ReplicationException.class)
                    .hasMessageContaining("run 6 failed").hasMessageContaining("slow failure");
            assertThat(delivered).containsExactly(0, 1, 2, 3, 4);
        }
    }

    /** An interrupted caller stops the batch and hears InterruptedException. */
    @Test
    void anInterruptStopsTheBatch() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> new Replicator("run", 2).run(100, job -> {
            LockSupport.parkNanos(1_000_000);
            return job;
        }, (job, result) -> { })).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }

    /** The same seeds for the same master seed, whatever the thread count, different per replication. */
    @Test
    void seedsAreAFunctionOfMasterSeedAndReplication() throws Exception {
        List<Long> one = new ArrayList<>();
        List<Long> four = new ArrayList<>();
        new Replicator("a", 1).run(50, rep -> Replicator.seed(42, rep), (job, s) -> one.add(s));
        new Replicator("b", 4).run(50, rep -> Replicator.seed(42, rep), (job, s) -> four.add(s));
        assertThat(one).isEqualTo(four).doesNotHaveDuplicates();
    }
}
