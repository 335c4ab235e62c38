/** Firms: lever values from the scenario, per-tick state, and pricing rules. */
package marketsim.core.firm;
