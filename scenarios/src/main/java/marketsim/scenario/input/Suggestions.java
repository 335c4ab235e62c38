package marketsim.scenario.input;

import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The one "did you mean" of every input message: the candidate closest to what was given, by
 * Levenshtein distance ignoring case, if it is close enough to be the intended one.
 *
 * <p>Close enough: at most {@value #MAX_DISTANCE} edits, and at most half the given text's length
 * (at least one edit). Three edits cover a transposition plus a dropped letter
 * ({@code custmer-focussed}); the half-length cap keeps a two-letter slip from "matching" any
 * other short name ({@code ab} is not a typo of {@code ad_bid}). Case is ignored because
 * {@code Take_Rate} is plainly {@code take_rate}. Ties go to the candidate listed first.
 */
public final class Suggestions {
    /** Most edits at which a candidate is still suggested. */
    public static final int MAX_DISTANCE = 3;

    private Suggestions() {
    }

    /** The candidate {@code given} most likely meant, if any is close enough. */
    public static Optional<String> closest(String given, Iterable<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String lower = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance.apply(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        boolean close = bestDistance <= Math.min(MAX_DISTANCE, Math.max(1, given.length() / 2));
        return best != null && close ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate, or "" when none is close. */
    public static String didYouMean(String given, Iterable<String> candidates) {
        return closest(given, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }
}
