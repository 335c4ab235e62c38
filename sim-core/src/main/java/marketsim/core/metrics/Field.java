package marketsim.core.metrics;

import java.util.Arrays;
import java.util.List;

import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;

/**
 * Raw quantities tallied per tick for each firm, the platform, the store and the market. Every
 * field adds up across entities, so an archetype's or the market's value is the sum of its
 * members'; across ticks, {@link Kind#FLOW} fields add up and {@link Kind#STOCK} fields are read
 * at the last tick. Named metrics ({@link Metric}) are ratios of these, computed after
 * aggregation, never averaged ratios.
 *
 * <p>A money field declares its source in the ledger: the money into ({@link Money#IN}) or out
 * of ({@link Money#OUT}) the entity's account this tick through postings of its kinds, summed
 * in the order declared. Every entity reads every money field the same way ({@link #LEDGER}),
 * so reported money cannot disagree with the ledger; a kind an entity never posts reads 0.
 */
public enum Field {
    FIRMS(Kind.STOCK),
    /** Firms with a direct channel (awareness is of these). */
    DIRECT_FIRMS(Kind.STOCK),
    UNITS(Kind.FLOW),
    DIRECT_UNITS(Kind.FLOW),
    PLATFORM_UNITS(Kind.FLOW),
    STORE_UNITS(Kind.FLOW),
    /**
     * Money sellers were paid for their units: by consumers (list prices, after loyalty discounts, before subsidies)
     * and by the store (list prices of the units it sold).
     */
    REVENUE(Kind.FLOW, Money.IN, PostingKind.SALE, PostingKind.WHOLESALE),
    /** List-price revenue given up to returning customers. */
    LOYALTY_DISCOUNTS(Kind.FLOW),
    COST_OF_GOODS(Kind.FLOW, Money.OUT, PostingKind.COST_OF_GOODS),
    FIXED_COSTS(Kind.FLOW, Money.OUT, PostingKind.FIXED_COST),
    MARKETING_COSTS(Kind.FLOW, Money.OUT, PostingKind.MARKETING),
    PERSONALIZATION_COSTS(Kind.FLOW, Money.OUT, PostingKind.PERSONALIZATION),
    /** The per-customer part of personalization costs: a variable cost of serving customers. */
    PER_CUSTOMER_COSTS(Kind.FLOW),
    // Fees sellers pay intermediaries:
    COMMISSION_PAID(Kind.FLOW, Money.OUT, PostingKind.COMMISSION),
    AD_FEES_PAID(Kind.FLOW, Money.OUT, PostingKind.AD_FEE),
    FULFILMENT_PAID(Kind.FLOW, Money.OUT, PostingKind.FULFILMENT_FEE),
    LISTING_FEES_PAID(Kind.FLOW, Money.OUT, PostingKind.LISTING_FEE),
    SLOTTING_PAID(Kind.FLOW, Money.OUT, PostingKind.SLOTTING_FEE),
    // What intermediaries receive and spend:
    PLATFORM_FEES_RECEIVED(Kind.FLOW, Money.IN, PostingKind.COMMISSION, PostingKind.AD_FEE, PostingKind.FULFILMENT_FEE,
            PostingKind.LISTING_FEE),
    AD_REVENUE(Kind.FLOW, Money.IN, PostingKind.AD_FEE),
    SLOTTING_REVENUE(Kind.FLOW, Money.IN, PostingKind.SLOTTING_FEE),
    /** What consumers paid the store for its shelf's goods (shelf prices). */
    RETAIL_SALES(Kind.FLOW, Money.IN, PostingKind.RETAIL_SALE),
    /** What the store paid sellers for the goods it sold (their list prices). */
    WHOLESALE_PAID(Kind.FLOW, Money.OUT, PostingKind.WHOLESALE),
    SUBSIDIES_PAID(Kind.FLOW, Money.OUT, PostingKind.SUBSIDY),
    /** Intermediaries' own fixed and fulfilment costs. */
    INTERMEDIARY_COSTS(Kind.FLOW, Money.OUT, PostingKind.FULFILMENT_COST, PostingKind.INTERMEDIARY_FIXED_COST),
    /** List-price value of sales through the platform. */
    GMV(Kind.FLOW),
    MEMBERS(Kind.STOCK),
    ACTIVE_SELLERS(Kind.STOCK),
    STOCKED_SELLERS(Kind.STOCK),
    /** Purchases (any channel) by consumers whose previous purchase was on the platform. */
    CHANNEL_REPEAT_OPPORTUNITIES(Kind.FLOW),
    /** Of those, purchases on the platform again. */
    CHANNEL_RETAINED(Kind.FLOW),
    /** Recommendation quality phi of the platform at the end of the tick. */
    RECOMMENDATION_QUALITY(Kind.STOCK),
    CASH(Kind.STOCK),
    /** Purchases by consumers whose previous purchase was from this firm. */
    REPEAT_OPPORTUNITIES(Kind.FLOW),
    /** Of those, purchases from this firm again. */
    RETAINED(Kind.FLOW),
    FAILURES(Kind.FLOW),
    /** Service contacts caused by failures (Seddon's failure demand). */
    FAILURE_CONTACTS(Kind.FLOW),
    /** Service contacts that are not caused by failures (value demand). */
    VALUE_CONTACTS(Kind.FLOW),
    SERVICE_COSTS(Kind.FLOW, Money.OUT, PostingKind.SERVICE),
    EDUCATION_COSTS(Kind.FLOW, Money.OUT, PostingKind.EDUCATION),
    INNOVATION_COSTS(Kind.FLOW, Money.OUT, PostingKind.INNOVATION),
    QUALITY_COSTS(Kind.FLOW, Money.OUT, PostingKind.QUALITY_INVESTMENT),
    /** Customers in this firm's base who bought from another seller this tick (switched). */
    LOST_CUSTOMERS(Kind.FLOW),
    /** Customers in this firm's base who lapsed this tick: no purchase for the lapse window. */
    LAPSED_CUSTOMERS(Kind.FLOW),
    /** Customers at the start of the tick, summed over ticks: customer-ticks. */
    CUSTOMER_TICKS(Kind.FLOW),
    /** Consumers whose last supplier is this firm and who have not lapsed: its customer base. */
    CUSTOMERS(Kind.STOCK),
    PROMOTERS(Kind.STOCK),
    DETRACTORS(Kind.STOCK),
    /** Sum of the customers' relationship stock with this firm. */
    RELATIONSHIP_SUM(Kind.STOCK),
    /** Consumers aware of this firm. */
    AWARE(Kind.STOCK),
    /** Consumers reached by marketing this tick (including those already aware). */
    CONTACTS(Kind.FLOW),
    /** Sum of the teaching tilt of the consumers this firm taught (whose tilt is toward it). */
    TAUGHT_TILT(Kind.STOCK),
    // Wallets (consumer.Wallet; zero unless the market keeps them): a firm's wallet customers are the consumers who
    // bought from it, in any category, within the lapse window.
    /** Consumers who bought from this firm (any category) within the lapse window: its wallet customers. */
    WALLET_CUSTOMERS(Kind.STOCK),
    /** What the firm's wallet customers spent this tick with every seller (money). */
    CUSTOMER_SPEND(Kind.FLOW),
    /** Of that, what they spent with this firm. */
    CUSTOMER_SPEND_WITH(Kind.FLOW),
    /** Wallet customers lost: lapsed (no purchase from it for the lapse window) or forgotten for another firm. */
    WALLET_LOST(Kind.FLOW),
    /** Wallet customers counted at the end of each tick, by tenure band (ticks since their first purchase). */
    CUSTOMER_TICKS_NEW(Kind.FLOW),
    CUSTOMER_TICKS_ESTABLISHED(Kind.FLOW),
    CUSTOMER_TICKS_LONGSTANDING(Kind.FLOW),
    /** Categories those customers have bought from the firm, summed the same way. */
    CATEGORIES_NEW(Kind.FLOW),
    CATEGORIES_ESTABLISHED(Kind.FLOW),
    CATEGORIES_LONGSTANDING(Kind.FLOW),
    /** What customers of each tenure band spent with the firm (money). */
    SPEND_NEW(Kind.FLOW),
    SPEND_ESTABLISHED(Kind.FLOW),
    SPEND_LONGSTANDING(Kind.FLOW),
    /** Categories the firm offers. */
    CATEGORIES_OFFERED(Kind.STOCK),
    /** Running cost of the categories the firm added to its range. */
    RANGE_COSTS(Kind.FLOW, Money.OUT, PostingKind.RANGE),
    // Market-only fields (zero for a firm):
    TICKS(Kind.FLOW),
    POPULATION(Kind.STOCK),
    /** Sum of consumers' teaching tilt. */
    TILT_SUM(Kind.STOCK),
    OCCASIONS(Kind.FLOW),
    OUTSIDE_CHOICES(Kind.FLOW),
    /** Log-sum consumer surplus over all purchase occasions (money). */
    CONSUMER_SURPLUS(Kind.FLOW),
    /** Sum of squared unit shares of firms, per tick, summed over ticks. */
    SQUARED_UNIT_SHARES(Kind.FLOW);

    /** The wallet fields of each tenure band (new, established, long-standing), in band order. */
    public static final Field[] BAND_CUSTOMER_TICKS = {CUSTOMER_TICKS_NEW, CUSTOMER_TICKS_ESTABLISHED,
            CUSTOMER_TICKS_LONGSTANDING};
    public static final Field[] BAND_CATEGORIES = {CATEGORIES_NEW, CATEGORIES_ESTABLISHED, CATEGORIES_LONGSTANDING};
    public static final Field[] BAND_SPEND = {SPEND_NEW, SPEND_ESTABLISHED, SPEND_LONGSTANDING};

    /** How a field combines across ticks. */
    public enum Kind { FLOW, STOCK }

    /** Which side of an account a money field reads. */
    public enum Money { IN, OUT }

    public static final int COUNT = values().length;

    /** The fields read from the ledger's flows, in declaration order. */
    public static final List<Field> LEDGER = Arrays.stream(values()).filter(f -> f.sources.length > 0).toList();
    /** The same, as an array: read for every entity every tick, without an iterator. */
    private static final Field[] MONEY = LEDGER.toArray(new Field[0]);

    private final Kind kind;
    private final Money side;
    private final PostingKind[] sources;

    Field(Kind kind) {
        this(kind, null, new PostingKind[0]);
    }

    Field(Kind kind, Money side, PostingKind... sources) {
        this.kind = kind;
        this.side = side;
        this.sources = sources;
    }

    public Kind kind() {
        return kind;
    }

    /** Sets every money field of the tally {@code t} from the ledger's flows of {@code account} this tick. */
    public static void readMoney(double[] t, Ledger ledger, int account) {
        for (Field field : MONEY) {
            t[field.ordinal()] = field.fromLedger(ledger, account);
        }
    }

    /**
     * This tick's money of the field for {@code account}: the sum over its posting kinds, in the
     * order declared, of the ledger's inflows or outflows (money). Not a money field: never called.
     */
    public double fromLedger(Ledger ledger, int account) {
        double sum = 0;
        for (PostingKind kind : sources) {
            sum += side == Money.IN ? ledger.inflow(kind, account) : ledger.outflow(kind, account);
        }
        return sum;
    }
}
