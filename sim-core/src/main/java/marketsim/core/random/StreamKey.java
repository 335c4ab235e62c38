package marketsim.core.random;

/**
 * The components that draw random numbers. Append new keys at the end: a key's position
 * feeds its stream's seed, so reordering would change every existing run's output.
 */
public enum StreamKey {
    /** Consumer traits, drawn once at start. */
    POPULATION,
    /** Who is aware of which firm at start (one sub-stream per firm). */
    INITIAL_AWARENESS,
    /** The order consumers shop in each tick. */
    SHOPPING_ORDER,
    /** Purchase occasions and logit draws. */
    CHOICE,
    /** Failures and realized quality after a purchase. */
    EXPERIENCE,
    /** Consumers reached by a firm's marketing (one sub-stream per firm). */
    MARKETING,
    /** Who is a platform member at start, and joins and departures. */
    MEMBERSHIP,
    /** The social network's ties, drawn once at start. */
    NETWORK,
    /** Who talks to whom each tick. */
    WORD_OF_MOUTH,
    /** Consumers' taste random walks. */
    TASTE_DRIFT,
    /** Consumers reached by a firm's education spend (one sub-stream per firm). */
    EDUCATION,
    /** Firms' imitation draws at reviews. */
    ADAPTATION,
    /** Delisted sellers' relisting draws. */
    PLATFORM_LISTING,
    /** Which of the platform's results a shopping member examines (position bias). */
    EXAMINATION,
    /** Web stores a consumer learns of by searching widely, at the start under customer dominance (one per firm). */
    SEARCH,
    /** Which categories each consumer needs, drawn once at start (one sub-stream per segment). */
    NEEDS,
    /** The category of each purchase occasion (markets with categories). */
    CATEGORY
}
