package marketsim.format;

import java.io.IOException;

/**
 * A folder given as a results folder that is not one, or no longer the one marketsim wrote: missing, partial, with a
 * manifest that is not marketsim's, or with a data file changed or gone. The message names the file and what to do.
 */
public final class NotAResultsFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotAResultsFolderException(String message) {
        super(message);
    }
}
