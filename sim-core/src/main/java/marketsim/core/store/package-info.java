/**
 * The traditional store: a shelf of a few slots filled from sellers' applications, a slotting
 * fee per tick and a retail margin per sale, both posted to the ledger by the store itself.
 */
package marketsim.core.store;
