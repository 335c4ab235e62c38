/**
 * The hybrid platform: sellers' listing decisions, the per-taste-bin ranking with its sponsored
 * slots (a generalized second-price auction), recommendation quality grown from transaction
 * data, and two-sided membership.
 */
package marketsim.core.platform;
