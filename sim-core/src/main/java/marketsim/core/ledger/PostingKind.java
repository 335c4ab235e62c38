package marketsim.core.ledger;

/** Why money moved. Metrics read the ledger's per-tick flows by kind. */
public enum PostingKind {
    /** Initial capital of a firm, from its owners. */
    CAPITAL,
    /** Consumer pays the seller the price it sees (after any loyalty discount). */
    SALE,
    /** Seller pays its suppliers the unit cost of a unit sold. */
    COST_OF_GOODS,
    /** Seller pays fixed channel costs (its direct web store). */
    FIXED_COST,
    /** Seller pays media for marketing contacts. */
    MARKETING,
    /** Seller pays for personalization: fixed per tick plus per customer. */
    PERSONALIZATION
}
