/**
 * The model against theory: each {@link marketsim.results.validation.Check} runs a laboratory market
 * ({@code Lab}, a scenario that switches off what the theory leaves out) and measures quantities with 95%
 * intervals against their closed forms (logit shares, elasticities, diversion, Bertrand-Nash prices with and
 * without channel fees, Salop prices, log-sum surplus, Bass diffusion, customer lifetime value, the fish-market
 * loyalty transition). {@link marketsim.results.validation.Validation} runs them all for {@code marketsim validate};
 * docs/VALIDATION.md is its report.
 */
package marketsim.results.validation;
