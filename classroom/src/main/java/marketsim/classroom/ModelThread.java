package marketsim.classroom;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The lesson and the game each run their model on one thread of their own, which the server's threads hand commands
 * to; this waits for a command's answer, written once for both.
 */
final class ModelThread {
    private ModelThread() {
    }

    /**
     * The answer of {@code future}, waited for at most {@code timeoutSeconds}; {@code what} ("the lesson", "the
     * game") names the model in the message of a failure or a timeout.
     */
    static <T> T await(Future<T> future, String what, long timeoutSeconds) {
        try {
            return future.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not answer in " + timeoutSeconds + " s", e);
        }
    }
}
