package marketsim.results.journal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A record could not be appended to a journal (a full disk): the journal's file and the operating system's reason,
 * so the message names the journal rather than the results folder being written beside it.
 */
public final class JournalWriteException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    JournalWriteException(Path file, IOException cause) {
        super(file.toString(), null, cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        initCause(cause);
    }
}
