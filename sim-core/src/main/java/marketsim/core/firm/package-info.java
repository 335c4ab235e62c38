/**
 * Firms: lever values and per-tick state ({@code Firm}), pricing rules ({@code PricingRule}, one
 * class per rule, named in {@code PricingRules}) off the full marginal cost in each channel
 * ({@code ChannelMix}, with what each channel charges, {@code ChannelCharges}), the demand best
 * response learns from ({@code DemandSlopes}), the periodic review with exit ({@code Review}),
 * imitation of a more profitable rival's archetype ({@code Imitation}) and repositioning toward
 * customers' tastes ({@code Innovation}).
 */
package marketsim.core.firm;
