package marketsim.results.journal;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (or another journal in this one) holds the journal: the same study is running there. */
public final class JournalInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    JournalInUseException(Path file, String kind) {
        super(file + " is in use: another marketsim is running this " + kind + "; wait for it to finish, or run "
                + "a different one");
    }
}
