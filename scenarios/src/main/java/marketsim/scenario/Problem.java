package marketsim.scenario;

/** One thing wrong with a scenario: where in the document, and what. */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
