package marketsim.core.firm;

import java.util.List;

import marketsim.core.config.Categories;
import marketsim.core.config.FirmConfig;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.space.TasteCircle;

/**
 * A firm during a run: its levers (which imitation may replace) and what changes tick to tick:
 * price, markup, position, experience (cumulative units), data (direct sales), whether it is
 * still in the market, and the profit of the current and previous review periods.
 */
public final class Firm {
    private final int index;
    private FirmConfig config;
    private PricingRule pricing;
    private double price;
    private double markup;
    private double position;
    private double cumulativeUnits;
    private double directSales;
    private boolean entered;
    private boolean exited;
    private int negativeReviews;
    private double periodProfit;
    private double periodUnits;
    private double previousPeriodProfit = Double.NaN;
    private double personalizationScale = 1;
    /** The price a game's team set (money/unit), which the pricing rule's gives way to; NaN: none. */
    private double setPrice = Double.NaN;
    private final ChannelMix channels;
    /** The scenario's own web store and platform listing, which a game's team may leave and come back to. */
    private final FirmConfig.DirectChannel configuredDirect;
    private final FirmConfig.PlatformListing configuredListing;
    /** Whether a game's team has chosen its channels: the platform's listing review and its store rule leave it. */
    private boolean channelsChosen;
    private double fullUnitCost;
    /** The categories it offers (a mask; every bit: every category) and how many range expansion added. */
    private long range;
    private int categoriesAdded;

    /** A firm of a market with one category. */
    public Firm(int index, FirmConfig config) {
        this(index, config, 1L);
    }

    /** A firm offering its configured categories of the market's {@code categories}. */
    public Firm(int index, FirmConfig config, Categories categories) {
        this(index, config, categories.mask(config.range().categories()));
    }

    /** @param range the categories it offers at the start, a mask over the market's categories */
    public Firm(int index, FirmConfig config, long range) {
        this.index = index;
        this.range = range;
        this.config = config;
        this.pricing = PricingRules.create(config.pricing());
        this.markup = config.markup();
        this.position = config.position();
        this.entered = !config.entrant();
        this.channels = new ChannelMix(config);
        this.configuredDirect = config.direct();
        this.configuredListing = config.platform();
    }

    public int index() {
        return index;
    }

    public FirmConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /** Current unit cost on the learning curve (money/unit). */
    public double unitCost() {
        return config.learning().cost(config.unitCost(), cumulativeUnits);
    }

    /**
     * The full marginal cost the pricing rule prices off (money/unit): with {@code fee_aware}, the list price at
     * which its expected unit just breaks even after each channel's commission and per-unit fees
     * ({@link ChannelMix}), as of this tick's prices; otherwise the unit cost alone.
     */
    public double fullUnitCost() {
        return config.feeAware() ? fullUnitCost : unitCost();
    }

    /** Where the firm expects to sell, by channel; Accounting adds each tick's units. */
    public ChannelMix channels() {
        return channels;
    }

    /** List price this tick (money/unit). */
    public double price() {
        return price;
    }

    public double markup() {
        return markup;
    }

    /** Sets the markup (hill-climbing, or a lever moved in the classroom window). */
    public void setMarkup(double markup) {
        this.markup = markup;
    }

    /** Product position on the taste circle, in [0,1). */
    public double position() {
        return position;
    }

    /** Moves the product {@code step} along the circle (negative: the other way). */
    public void move(double step) {
        position = TasteCircle.wrap(position + step);
    }

    /** In the market: entered (or there from the start) and not exited. */
    public boolean active() {
        return entered && !exited;
    }

    /** A potential entrant that has not entered yet. */
    public boolean waitingToEnter() {
        return !entered;
    }

    /** A potential entrant enters the market. */
    public void enter() {
        entered = true;
    }

    /** Personalization its direct channel achieves with the data it has. */
    public double personalization() {
        return personalizationScale * config.personalization().achieved(directSales);
    }

    /**
     * Relationship stock gained per satisfied purchase, {@code eta_j}: the base rate, with the loyalty program's
     * bonus and personalization's, {@code relationshipBonus x phi_j}, capped at 1 (MODEL.md 2.2).
     */
    public double relationshipRate() {
        double rate = config.loyalty().effectiveRate(config.relationshipRate())
                + config.personalization().relationshipBonus() * personalization();
        return Math.min(1, rate);
    }

    /** The personalization scale (1 = as configured; the classroom window's lever). */
    public double personalizationScale() {
        return personalizationScale;
    }

    /** Scales personalization (1 = as configured; the classroom window's lever). */
    public void setPersonalizationScale(double scale) {
        this.personalizationScale = scale;
    }

    /**
     * Sets its spending a tick from now on (a game's team): quality investment, marketing, education; NaN keeps the
     * one in force.
     */
    public void setSpending(double qualitySpend, double marketingSpend, double educationSpend) {
        config = config.withSpending(
                Double.isNaN(qualitySpend) ? config.qualityInvestment().spendPerTick() : qualitySpend,
                Double.isNaN(marketingSpend) ? config.marketing().spendPerTick() : marketingSpend,
                Double.isNaN(educationSpend) ? config.education() : educationSpend);
    }

    /**
     * Sells through the channels given from now on (a game's team choosing them). It comes back to its scenario's web
     * store (one it has none of cannot be opened: {@code direct} must then be false) and platform listing; a firm the
     * scenario did not list on the platform lists without bidding for sponsored results. Where they change, its
     * channel weights start again, equal over the channels it sells through.
     */
    public void setChannels(boolean direct, boolean platform, boolean store) {
        if (direct && configuredDirect == null) {
            throw new IllegalArgumentException(name() + " has no web store of its own to sell through");
        }
        channelsChosen = true;
        if (direct == (config.direct() != null) && platform == (config.platform() != null)
                && store == (config.store() != null)) {
            return; // the channels it sells through: its weights go on
        }
        config = config.withChannels(direct ? configuredDirect : null,
                platform ? configuredListing != null ? configuredListing : new FirmConfig.PlatformListing(0) : null,
                store ? new FirmConfig.StoreShelf() : null);
        channels.reset(config);
    }

    /**
     * Whether a game's team has chosen its channels ({@link #setChannels}): from then on it is listed on the platform
     * exactly while it sells there, and applies for the store's shelf at every review while it sells there.
     */
    public boolean channelsChosen() {
        return channelsChosen;
    }

    /** Whether it sells through {@code channel} now (its scenario's channels, unless a game's team changed them). */
    public boolean sellsThrough(marketsim.core.config.Channel channel) {
        return switch (channel) {
            case DIRECT -> config.direct() != null;
            case PLATFORM -> config.platform() != null;
            case STORE -> config.store() != null;
        };
    }

    /** The categories it offers, a mask over the market's categories. */
    public long range() {
        return range;
    }

    /** Range expansion adds category {@code c} to what it offers, at its cost per category from now on. */
    public void addCategory(int c) {
        range |= 1L << c;
        categoriesAdded++;
    }

    /** Failure rate after quality investment. */
    public double failureRate() {
        return config.qualityInvestment().failureRate(config.failureRate());
    }

    /**
     * Every firm proposes its price from the same state, then all commit, so no firm's new price
     * is seen by another's rule in the same tick (no order effects between firms). Each prices
     * off its full unit cost with the channels' charges now ({@code platform} and {@code store}
     * null when the market has none).
     */
    public static void setPricesTogether(List<Firm> firms, ChannelCharges platform, ChannelCharges store) {
        double[] proposed = new double[firms.size()];
        for (Firm firm : firms) {
            firm.fullUnitCost = firm.channels.fullUnitCost(firm.index, firm.unitCost(), platform, store);
        }
        for (Firm firm : firms) {
            proposed[firm.index()] = firm.proposePrice();
        }
        for (Firm firm : firms) {
            firm.commitPrice(proposed[firm.index()]);
        }
    }

    /**
     * The next tick's price, which {@link #commitPrice} applies: the one a game's team set ({@link #setPrice}), else
     * the pricing rule's.
     */
    public double proposePrice() {
        return Double.isNaN(setPrice) ? pricing.price(this) : setPrice;
    }

    /**
     * Sets its price from now on (money/unit, a game's team setting a price rather than a markup); NaN gives the
     * price back to its pricing rule.
     */
    public void setPrice(double price) {
        this.setPrice = price;
    }

    /** The price a game's team set (money/unit), NaN when its pricing rule prices. */
    public double setPrice() {
        return setPrice;
    }

    public void commitPrice(double newPrice) {
        this.price = newPrice;
    }

    /**
     * Posts the firm's costs of running this tick: its web store's fixed cost (if it has one), personalization
     * (a fixed cost plus a cost per customer, MODEL.md 3), the categories range expansion added and quality
     * investment. Returns the per-customer part.
     */
    public double payTickCosts(Ledger ledger, double customers) {
        int account = Ledger.firmAccount(index);
        if (config.direct() != null) {
            ledger.post(PostingKind.FIXED_COST, account, Ledger.OVERHEAD, config.direct().fixedCostPerTick());
        }
        double perCustomer = config.personalization().costPerCustomerInForce() * customers;
        ledger.post(PostingKind.PERSONALIZATION, account, Ledger.OVERHEAD,
                config.personalization().fixedCostInForce() + perCustomer);
        double rangeCost = config.range().costPerCategory() * categoriesAdded;
        if (rangeCost > 0) {
            ledger.post(PostingKind.RANGE, account, Ledger.OVERHEAD, rangeCost);
        }
        double qualitySpend = config.qualityInvestment().spendPerTick();
        if (qualitySpend > 0) {
            ledger.post(PostingKind.QUALITY_INVESTMENT, account, Ledger.SUPPLIERS, qualitySpend);
        }
        return perCustomer;
    }

    /** Adds a tick's sales and profit to the firm's experience, data and review period. */
    public void closeTick(double units, double direct, double profit) {
        cumulativeUnits += units;
        directSales += direct;
        periodUnits += units;
        periodProfit += profit;
    }

    public double periodProfit() {
        return periodProfit;
    }

    public double previousPeriodProfit() {
        return previousPeriodProfit;
    }

    public double periodUnits() {
        return periodUnits;
    }

    /**
     * The review at the end of a period: the pricing rule learns; a firm whose cash was negative
     * at {@code exitAfter} consecutive reviews leaves the market (0: never).
     */
    public void review(ReviewContext context, double cash, int exitAfter) {
        pricing.review(this, context);
        negativeReviews = cash < 0 ? negativeReviews + 1 : 0;
        if (exitAfter > 0 && negativeReviews >= exitAfter) {
            exited = true;
        }
    }

    /** Starts the next review period. */
    public void startPeriod() {
        channels.startPeriod();
        previousPeriodProfit = periodProfit;
        periodProfit = 0;
        periodUnits = 0;
    }

    /** Takes up another archetype's lever bundle (imitation), keeping identity, position and channels. */
    public void adopt(FirmConfig bundle) {
        config = config.adopt(bundle);
        pricing = PricingRules.create(config.pricing());
        markup = config.markup();
    }
}
