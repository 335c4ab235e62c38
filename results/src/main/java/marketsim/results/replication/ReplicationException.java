package marketsim.results.replication;

/** A job of a {@link Replicator} batch failed; the cause is the job's own exception. */
public final class ReplicationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
