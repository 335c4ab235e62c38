package marketsim.cli;

/** Input the user can fix (a flag value, an output folder): exit code 2 with this message. */
final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
