package marketsim.results.sensitivity;

/**
 * Morris elementary-effect statistics of one factor over the r trajectories: {@code mu} the mean
 * effect (signed, so effects of both signs cancel), {@code muStar} the mean absolute effect
 * (Campolongo, Cariboni &amp; Saltelli 2007; the ranking measure), {@code sigma} the standard
 * deviation of the effects (divisor r - 1; large for non-linear or interacting factors), and the
 * bounds of a percentile bootstrap confidence interval for {@code muStar}. Effects are output
 * units per unit of the factor's [0,1) coordinate.
 */
public record MorrisIndex(double mu, double muStar, double sigma, double muStarLow, double muStarHigh) {
}
