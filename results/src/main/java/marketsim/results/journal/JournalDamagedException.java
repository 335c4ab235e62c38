package marketsim.results.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal's record no longer matches the checksum written with it (the file was edited or damaged): resuming from
 * it would put numbers no run produced into the results, so the study stops and says which line, and what to do.
 */
public final class JournalDamagedException extends IOException {
    private static final long serialVersionUID = 1L;

    JournalDamagedException(Path file, int line, String kind, String problem) {
        super(file + " line " + line + ": " + problem + ": the journal was edited or damaged after marketsim wrote "
                + "it. Restore it, or remove it to run the " + (kind.equals("calibrate") ? "calibration" : kind)
                + " from the start (what it holds will run again)");
    }
}
