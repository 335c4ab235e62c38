package marketsim.core;

import java.util.List;
import java.util.Locale;

import marketsim.core.config.Channel;
import marketsim.core.config.FeeRuleName;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.PlatformConfig;

/**
 * The levers a teacher moves while a model runs, defined once for every place that shows them (the classroom
 * window's sliders, the browser lesson's): what each sets on the run's {@link LiveControls}, its range, where it
 * applies and the value in force. A lever is a share (0.15, shown 15%), a number, a count or a switch (0 or 1): its
 * {@link LeverScale}. The ranges are the classroom's, not the model's: room to double or quadruple the shipped scenarios'
 * values, and personalization can only be scaled down from what the scenario configures. A lever is offered only
 * where the scenario has what it moves ({@link #appliesTo}): the platform's for a platform, the fee rule's for a
 * rule that moves the fees, the sponsored slots' for sellers that bid for them, the channels' dissimilarity for a
 * firm in more than one channel.
 */
public enum LiveLever {
    TAKE_RATE("take_rate", "Platform take rate", "% of price", false, LeverScale.SHARE, 0, 0.60,
            (c, j, v) -> c.setTakeRate(v), (config, j) -> config.platform().takeRate(),
            // its fee rule may have moved it
            (c, model, j) -> setOr(c.pendingTakeRate(), model.platform().takeRate())),
    SUBSIDY("subsidy", "Platform subsidy", "% of price", false, LeverScale.SHARE, 0, 0.50,
            (c, j, v) -> c.setSubsidy(v), (config, j) -> config.platform().subsidy(),
            (c, model, j) -> setOr(c.pendingSubsidy(), model.platform().subsidy())),
    /** On: the platform's fee rule moves its take rate and subsidy at its reviews; off: they stay where they are. */
    FEE_RULE("fee_rule", "Platform's fee rule moves its fees", "off: frozen where they are", false, LeverScale.SWITCH,
            0, 1, (c, j, v) -> c.setFeeRule(v != 0), (config, j) -> 1,
            (c, model, j) -> setOr(c.pendingFeeRule(), model.platform().feeRuleOn() ? 1 : 0)),
    /** eta of the position-based model: a member examines the result at rank r with probability r^-eta. */
    EXAMINATION_DECAY("examination_decay", "Ranking: attention decay \u03b7", "result r is seen r^-\u03b7 of the time",
            false, LeverScale.NUMBER, 0, 3,
            (c, j, v) -> c.setExaminationDecay(v), (config, j) -> config.platform().examinationDecay(),
            (c, model, j) -> setOr(c.pendingExaminationDecay(), model.platform().examinationDecay())),
    /** Its most is the platform's results ({@link #max(MarketConfig)}). */
    SPONSORED_SLOTS("sponsored_slots", "Sponsored (ad) slots", "top results sold by auction", false,
            LeverScale.COUNT, 0, Double.NaN,
            (c, j, v) -> c.setSponsoredSlots((int) v), (config, j) -> config.platform().sponsoredSlots(),
            (c, model, j) -> setOr(c.pendingSponsoredSlots(), model.platform().sponsoredSlots())),
    /** lambda of the nested logit: toward 0 a product's channels are one choice, at 1 each is its own. */
    CHANNEL_DISSIMILARITY("channel_dissimilarity", "Channel dissimilarity \u03bb",
            "1: each channel a choice of its own; low: one product", false, LeverScale.NUMBER, 0.05, 1,
            (c, j, v) -> c.setChannelDissimilarity(v), (config, j) -> config.rules().channelDissimilarity(),
            (c, model, j) -> setOr(c.pendingChannelDissimilarity(), model.shopping().channelDissimilarity())),
    SWITCHING("switching", "Switching costs", "% of each consumer's own", false, LeverScale.SHARE, 0, 3.0,
            (c, j, v) -> c.setSwitchingFactor(v), (config, j) -> config.dynamics().dominance().switchingFactorInForce(),
            (c, model, j) -> c.pendingSwitchingFactor()),
    TEACHING("teaching", "Teaching purchase criteria (education spend)", "on/off", false, LeverScale.SWITCH, 0, 1,
            (c, j, v) -> c.setTeaching(v != 0), (config, j) -> 1, (c, model, j) -> c.teaching() ? 1 : 0),
    MARKUP("markup", "Markup", "% of full unit cost", true, LeverScale.SHARE, 0, 2.0,
            (c, j, v) -> c.setMarkup(j, v), (config, j) -> config.firms().get(j).markup(),
            (c, model, j) -> c.markup(model.firms().get(j))),
    /**
     * A price set outright (a game's team choosing a price rather than a markup), in the scenario's money a unit, from
     * the firm's unit cost to the most the markup lever gives on it ({@link #min(MarketConfig, int)}); it holds until
     * the markup is set again. Its scenario value is the cost-plus price at the firm's markup on its unit cost.
     */
    PRICE("price", "Price", "money/unit", true, LeverScale.PRICE, Double.NaN, Double.NaN,
            (c, j, v) -> c.setPrice(j, v),
            (config, j) -> config.firms().get(j).unitCost() * (1 + config.firms().get(j).markup()),
            (c, model, j) -> setOr(c.price(model.firms().get(j)),
                    model.ticksDone() > 0 ? model.firms().get(j).price() : Double.NaN)),
    /*
     * A firm's channels (a game's team choosing them, at least one): on, it sells there from the next tick; off, its
     * offers there are gone from the next tick and so are the channel's fees. Only a firm with a web store of its own
     * in the scenario can sell through one; the platform's private label sells only on the platform.
     */
    CHANNEL_DIRECT("channel_direct", "Sell in your own web store", "on/off", true, LeverScale.SWITCH, 0, 1,
            (c, j, v) -> c.setChannel(j, Channel.DIRECT, v != 0),
            (config, j) -> config.firms().get(j).direct() != null ? 1 : 0,
            (c, model, j) -> c.channel(model.firms().get(j), Channel.DIRECT) ? 1 : 0),
    CHANNEL_PLATFORM("channel_platform", "Sell on the platform", "on/off", true, LeverScale.SWITCH, 0, 1,
            (c, j, v) -> c.setChannel(j, Channel.PLATFORM, v != 0),
            (config, j) -> config.firms().get(j).platform() != null ? 1 : 0,
            (c, model, j) -> c.channel(model.firms().get(j), Channel.PLATFORM) ? 1 : 0),
    CHANNEL_STORE("channel_store", "Sell in the store", "on/off", true, LeverScale.SWITCH, 0, 1,
            (c, j, v) -> c.setChannel(j, Channel.STORE, v != 0),
            (config, j) -> config.firms().get(j).store() != null ? 1 : 0,
            (c, model, j) -> c.channel(model.firms().get(j), Channel.STORE) ? 1 : 0),
    PERSONALIZATION("personalization", "Personalization", "% of configured", true, LeverScale.SHARE, 0, 1.0,
            (c, j, v) -> c.setPersonalizationScale(j, v), (config, j) -> 1,
            (c, model, j) -> c.personalizationScale(model.firms().get(j))),
    /*
     * The spending levers' ranges are four times the largest a shipped firm spends (jeo-baseline's brands: quality
     * 50, marketing 40, education 10 a week), in the scenario's money; self-preferencing's four times jeo-baseline's
     * 0.5 utils.
     */
    /** Quality investment a tick: the failure rate falls to {@code f0 / (1 + spend / halving_spend)}. */
    QUALITY_SPEND("quality_spend", "Quality investment", "money/week", true, LeverScale.MONEY, 0, 200,
            (c, j, v) -> c.setSpend(j, LiveControls.Spend.QUALITY, v),
            (config, j) -> config.firms().get(j).qualityInvestment().spendPerTick(),
            (c, model, j) -> c.spend(model.firms().get(j), LiveControls.Spend.QUALITY)),
    /** Marketing a tick: contacts bought at the market's cost per contact make consumers aware of its web store. */
    MARKETING_SPEND("marketing_spend", "Marketing", "money/week", true, LeverScale.MONEY, 0, 160,
            (c, j, v) -> c.setSpend(j, LiveControls.Spend.MARKETING, v),
            (config, j) -> config.firms().get(j).marketing().spendPerTick(),
            (c, model, j) -> c.spend(model.firms().get(j), LiveControls.Spend.MARKETING)),
    /** Education a tick: teaching its customers purchase criteria (quality and relationship over price). */
    EDUCATION_SPEND("education_spend", "Education (teaching criteria)", "money/week", true, LeverScale.MONEY, 0, 40,
            (c, j, v) -> c.setSpend(j, LiveControls.Spend.EDUCATION, v),
            (config, j) -> config.firms().get(j).education(),
            (c, model, j) -> c.spend(model.firms().get(j), LiveControls.Spend.EDUCATION)),
    /** Utils the platform adds to its private label's organic ranking score. */
    SELF_PREFERENCING("self_preferencing", "Platform self-preferencing", "utils added to its own label's score", false,
            LeverScale.NUMBER, 0, 2,
            (c, j, v) -> c.setSelfPreferencing(v), (config, j) -> config.platform().selfPreferencing(),
            (c, model, j) -> setOr(c.pendingSelfPreferencing(), model.platform().config().selfPreferencing()));

    /** Sets a lever's value on the run's controls, for firm {@code j} (ignored for a market-wide lever). */
    @FunctionalInterface
    private interface Setter {
        void set(LiveControls controls, int j, double value);
    }

    /** The scenario's value ({@code j} ignored for a market-wide lever). */
    @FunctionalInterface
    private interface ScenarioValue {
        double of(MarketConfig config, int j);
    }

    /** The value in force on a started run from the next tick. */
    @FunctionalInterface
    private interface Pending {
        double of(LiveControls controls, MarketModel model, int j);
    }

    private final String key;
    private final String label;
    private final String unit;
    private final boolean perFirm;
    private final LeverScale scale;
    private final double min;
    private final double max;

    private final Setter setter;
    private final ScenarioValue scenarioValue;
    private final Pending pendingValue;

    LiveLever(String key, String label, String unit, boolean perFirm, LeverScale scale, double min, double max,
              Setter setter, ScenarioValue scenarioValue, Pending pendingValue) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.perFirm = perFirm;
        this.scale = scale;
        this.min = min;
        this.max = max;
        this.setter = setter;
        this.scenarioValue = scenarioValue;
        this.pendingValue = pendingValue;
    }

    /** A value set and not yet applied, else the run's own. */
    private static double setOr(double set, double run) {
        return Double.isNaN(set) ? run : set;
    }

    void set(LiveControls controls, int firm, double value) {
        setter.set(controls, firm, value);
    }

    /** The scenario's value ({@code firm} ignored for a market-wide lever). */
    double scenario(MarketConfig config, int firm) {
        return scenarioValue.of(config, firm);
    }

    /**
     * The value in force on a started run from the next tick: one set and not yet applied, else the run's own; NaN
     * where the run keeps the scenario's.
     */
    double pending(LiveControls controls, MarketModel model, int firm) {
        return pendingValue.of(controls, model, firm);
    }

    /** The name requests and files use: {@code take_rate}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** What the value is, as the levers say it: "% of price", "on/off". */
    public String unit() {
        return unit;
    }

    /** Whether the lever is a firm's own (markup, personalization) rather than the market's. */
    public boolean perFirm() {
        return perFirm;
    }

    public double min() {
        return min;
    }

    /** The most the lever goes to in {@code config}'s market (the sponsored slots: its results). */
    public double max(MarketConfig config) {
        return this == SPONSORED_SLOTS ? config.platform().results() : max;
    }

    /** The least the lever goes to for firm {@code firm} of {@code config} (a price: the firm's unit cost). */
    public double min(MarketConfig config, int firm) {
        return this == PRICE ? config.firms().get(firm).unitCost() : min;
    }

    /**
     * The most the lever goes to for firm {@code firm} of {@code config}: a price, its unit cost at the markup
     * lever's most ({@code (1 + 200%)} times it); another lever, {@link #max(MarketConfig)}.
     */
    public double max(MarketConfig config, int firm) {
        return this == PRICE ? config.firms().get(firm).unitCost() * (1 + MARKUP.max) : max(config);
    }

    /**
     * Whether the classroom window and the browser lesson show the lever: all but a price and the channels, a game
     * team's choices (the lesson's teacher moves the markup, and a price's range is each firm's own).
     */
    public boolean inLessons() {
        return this != PRICE && !isChannel();
    }

    /** Whether the lever opens or closes one of a firm's channels. */
    public boolean isChannel() {
        return this == CHANNEL_DIRECT || this == CHANNEL_PLATFORM || this == CHANNEL_STORE;
    }

    public LeverScale scale() {
        return scale;
    }

    /** Whether the lever is on or off rather than a value in a range. */
    public boolean isSwitch() {
        return scale == LeverScale.SWITCH;
    }

    /** {@code value} as the levers show it: "15%", "1.50", "2", "on". */
    public String format(double value) {
        return scale.format(value);
    }

    /** The lever of request name {@code key}, or null. */
    public static LiveLever of(String key) {
        for (LiveLever lever : values()) {
            if (lever.key.equals(key)) {
                return lever;
            }
        }
        return null;
    }

    /**
     * Whether the market has what the lever moves: a platform for its fees, its ranking and its auction (one with a
     * fee rule that moves the fees, with more than one result, with a seller that bids for a sponsored slot); a firm
     * in more than one channel for the channels' dissimilarity; a firm of its own for a firm's levers.
     */
    public boolean appliesTo(MarketConfig config) {
        PlatformConfig platform = config.platform();
        return switch (this) {
            case TAKE_RATE, SUBSIDY -> platform != null;
            case FEE_RULE -> platform != null && platform.feeRule().rule() != FeeRuleName.FIXED;
            case EXAMINATION_DECAY -> platform != null && platform.results() > 1;
            case SPONSORED_SLOTS -> platform != null && config.firms().stream()
                    .anyMatch(f -> f.platform() != null && !f.privateLabel() && f.platform().adBid() > 0);
            case CHANNEL_DISSIMILARITY -> config.firms().stream().anyMatch(f -> channels(config, f) > 1);
            case SELF_PREFERENCING -> platform != null && config.firms().stream().anyMatch(FirmConfig::privateLabel);
            case CHANNEL_PLATFORM -> platform != null && !movableFirms(config).isEmpty();
            case CHANNEL_STORE -> config.store() != null && !movableFirms(config).isEmpty();
            case MARKUP, PRICE, CHANNEL_DIRECT, PERSONALIZATION, QUALITY_SPEND, MARKETING_SPEND, EDUCATION_SPEND ->
                    !movableFirms(config).isEmpty();
            default -> true;
        };
    }

    /** What the market lacks for the lever, where it does not apply. */
    private String missing(MarketConfig config) {
        if (this == CHANNEL_PLATFORM && config.platform() == null) {
            return "no platform";
        }
        if (this == CHANNEL_STORE && config.store() == null) {
            return "no store";
        }
        if (perFirm) {
            return "no firm of its own";
        }
        if (this != CHANNEL_DISSIMILARITY && config.platform() == null) {
            return "no platform";
        }
        return switch (this) {
            case FEE_RULE -> "no platform fee rule to switch (its fees are fixed)";
            case EXAMINATION_DECAY -> "a platform ranking of one result";
            case SPONSORED_SLOTS -> "no seller that bids for a sponsored slot";
            case SELF_PREFERENCING -> "no private label on the platform";
            case CHANNEL_DISSIMILARITY -> "no firm selling through more than one channel";
            default -> "no platform";
        };
    }

    /** The channels {@code firm} sells through in {@code config}'s market: direct, the platform's, the store's. */
    private static int channels(MarketConfig config, FirmConfig firm) {
        return (firm.direct() != null ? 1 : 0) + (firm.platform() != null && config.platform() != null ? 1 : 0)
                + (firm.store() != null && config.store() != null ? 1 : 0);
    }

    /** The firms whose own levers a class may move: those named in the scenario, not a pool's generated sellers. */
    public static List<Integer> movableFirms(MarketConfig config) {
        List<FirmConfig> firms = config.firms();
        List<Integer> out = new java.util.ArrayList<>();
        for (int j = 0; j < firms.size(); j++) {
            if (firms.get(j).pool() == null) {
                out.add(j);
            }
        }
        return out;
    }

    /**
     * Why {@code value} for {@code firm} cannot be set in {@code config}'s market, or null when it can: the value
     * outside the range, a firm the lever has no meaning for, a platform lever without a platform.
     */
    public String problem(MarketConfig config, int firm, double value) {
        if (!appliesTo(config)) {
            return label + ": this scenario has " + missing(config);
        }
        if (perFirm && !movableFirms(config).contains(firm)) {
            return label + ": no firm " + firm + " to move (firms are 0.." + (config.firms().size() - 1)
                    + ", not a pool's sellers)";
        }
        if (isSwitch() && value != 0 && value != 1) {
            return label + ": must be 0 (off) or 1 (on)";
        }
        FirmConfig own = perFirm ? config.firms().get(firm) : null;
        if (isChannel() && own.privateLabel()) {
            return label + ": " + own.name() + " is the platform's own label: it sells only on the platform";
        }
        if (this == CHANNEL_DIRECT && value != 0 && own.direct() == null) {
            return label + ": " + own.name() + " has no web store of its own in this scenario";
        }
        double least = min(config, firm);
        double most = max(config, firm);
        if (!(value >= least && value <= most)) {
            return String.format(Locale.ROOT, "%s: must be in [%s, %s] (%s), got %s", label, format(least),
                    format(most), unit, Double.isFinite(value) ? format(value) : String.valueOf(value));
        }
        if (scale == LeverScale.COUNT && value != Math.rint(value)) {
            return String.format(Locale.ROOT, "%s: must be a whole number, got %s", label, value);
        }
        return null;
    }

    /** Sets the lever on a run's controls; it acts at the next tick. The value must have passed {@link #problem}. */
    public void setOn(LiveControls controls, int firm, double value) {
        set(controls, firm, value);
    }

    /**
     * The value in force: on a started run, a move not yet applied, else the run's own (a firm's markup may move at
     * its reviews); before the first start, the scenario's.
     */
    public double inForce(MarketModel model, int firm) {
        LiveControls controls = model.controls();
        if (controls != null && (!perFirm || firm < model.firms().size())) {
            double v = pending(controls, model, firm);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return scenario(model.config(), firm);
    }

    /** The scenario's value of the lever. */
    public double scenarioValue(MarketConfig config, int firm) {
        return scenario(config, firm);
    }
}
