package marketsim.results.validation;

import java.util.List;

/**
 * One analytic or reference check of the model: a market in which theory gives the answer, the
 * runs that measure it, and a tolerance justified by the Monte Carlo error of those runs.
 * {@code faults} are scenario overrides applied to the model's runs only, never to the theory:
 * how a test shows that breaking a mechanism makes its check fail.
 */
public interface Check {
    /** Short identifier, e.g. {@code logit-shares}. */
    String id();

    /** What is checked, in a line. */
    String title();

    /** Where the expectation comes from (a citation or a derivation). */
    String source();

    /** Why the tolerance is what it is. */
    String tolerance();

    /** The laboratory overrides this check runs with (before any variant's own), as {@code --set} values. */
    List<String> settings(Budget budget);

    List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception;
}
