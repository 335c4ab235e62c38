package marketsim.scenario.input;

/**
 * One thing wrong with an input file (a scenario, a targets file): where in the document (its
 * path, and line and column when the value came from the file being read), and what.
 */
public record Problem(String path, String message, String location) {
    public Problem(String path, String message) {
        this(path, message, "");
    }

    @Override
    public String toString() {
        String where = location.isEmpty() ? path : path + " (" + location + ")";
        return where.isEmpty() ? message : where + ": " + message;
    }
}
