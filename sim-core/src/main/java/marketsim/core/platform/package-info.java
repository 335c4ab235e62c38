/**
 * The hybrid platform: sellers' listing decisions and entry, the per-taste-bin ranking with its
 * sponsored slots (a generalized second-price auction), recommendation quality grown from
 * transaction data, the fees and subsidies it posts to the ledger ({@code Platform}), and
 * consumers joining and leaving it ({@code PlatformMembership}).
 */
package marketsim.core.platform;
