/**
 * The double-entry ledger: every payment is a posting from one account to another, in integer
 * micro-units of money, so that no money can appear or vanish, exactly.
 */
package marketsim.core.ledger;
