/** The traditional store: a shelf of a few slots, sold for a slotting fee, with a retail margin. */
package marketsim.core.store;
