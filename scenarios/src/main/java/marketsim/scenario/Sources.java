package marketsim.scenario;

/** Sources cited by parameters in several sections ({@link Param#withSource}). */
final class Sources {
    private Sources() {
    }

    static final String LOGIT = "McFadden 1974 (conditional logit)";
    static final String SALOP = "Salop 1979 (circular city)";
    static final String WATTS_STROGATZ = "Watts & Strogatz 1998 (small world)";
    static final String SEDDON = "essay 001 (Seddon: failure demand)";
    static final String DAWAR = "essay 000 (Dawar, Tilt: teaching purchase criteria)";
    static final String HEINONEN = "essay 003 (Heinonen: customer dominance)";
    static final String JEO_COST = "essay 002 (Jeo section 2: the high cost of technology)";
    static final String JEO_CONTROL = "essay 002 (Jeo section 5: losing control over your customers)";
    static final String JEO_STORE = "essay 002 (Jeo section 1: Indomaret and Alfamart charge producers "
            + "for access)";
}
