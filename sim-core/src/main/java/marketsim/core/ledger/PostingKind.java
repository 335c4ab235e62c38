package marketsim.core.ledger;

/** Why money moved. Metrics read the ledger's per-tick flows by kind. */
public enum PostingKind {
    /** Initial capital of a firm, from its owners. */
    CAPITAL,
    /** Consumer pays the seller the price it sees (after any loyalty discount), direct or on the platform. */
    SALE,
    /** Seller pays its suppliers the unit cost of a unit sold. */
    COST_OF_GOODS,
    /** Seller pays fixed channel costs (its direct web store). */
    FIXED_COST,
    /** Seller pays media for marketing contacts. */
    MARKETING,
    /** Seller pays for personalization: fixed per tick plus per customer. */
    PERSONALIZATION,
    /** Platform pays the consumer its discount on a platform purchase. */
    SUBSIDY,
    /** Third-party seller pays the platform its take rate on a platform sale. */
    COMMISSION,
    /** Seller pays the platform for a sale through a sponsored result. */
    AD_FEE,
    /** Third-party seller pays the platform's fulfilment fee per unit. */
    FULFILMENT_FEE,
    /** Listed third-party seller pays the platform's listing fee per tick. */
    LISTING_FEE,
    /** Platform pays logistics suppliers for fulfilling a unit. */
    FULFILMENT_COST,
    /** Stocked seller pays the store's slotting fee per tick. */
    SLOTTING_FEE,
    /** Consumer pays the store the shelf price (the seller's list price plus the store's margin). */
    RETAIL_SALE,
    /** Store pays the seller its list price for a unit sold from the shelf. */
    WHOLESALE,
    /** Seller pays service staff for a contact (failure or value demand). */
    SERVICE,
    /** Seller spends on quality, lowering its failure rate. */
    QUALITY_INVESTMENT,
    /** Seller spends on teaching consumers new purchase criteria. */
    EDUCATION,
    /** Seller spends on moving its product toward its customers' tastes. */
    INNOVATION,
    /** Platform or store pays its own fixed cost. */
    INTERMEDIARY_FIXED_COST,
    /** Seller pays the running cost of the categories it added to its range (range expansion). */
    RANGE
}
