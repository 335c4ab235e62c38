package marketsim.core;

import java.util.Arrays;

import marketsim.core.config.Channel;
import marketsim.core.firm.Firm;
import marketsim.core.platform.Platform;
import marketsim.core.store.Store;

/**
 * Levers a teacher may move while the model runs ({@link LiveLever}: the classroom window, the
 * browser lesson). Changes are held here
 * and applied together at the start of the next tick's FIRMS_DECIDE phase, so a tick never runs
 * on half-changed levers. Values start from the scenario; NaN means "not moved".
 * Each move is applied once and holds in the model until moved again, except that a firm's pricing
 * rule may move its markup and the platform's fee rule its take rate and subsidy. Setting the
 * platform's take rate or subsidy freezes its fee rule at the levers set (the other lever at its
 * value then), so a hill-climbing or lifecycle platform stops moving them ({@code Platform.setLevers});
 * the fee rule's own lever lets it move them again from there. Of the moves in one tick the last
 * decides whether the rule is on. The platform's examination decay and sponsored slots act from
 * the tick's ranking, the channels' dissimilarity from its first purchase.
 *
 * <p>One per run: {@link MarketModel#start()} makes new ones, so a caller looks them up through
 * {@link MarketModel#controls()} at each move rather than keeping them, and sets again on a new
 * run whatever it wants in force there (the classroom window does both).
 */
public final class LiveControls {
    private double takeRate = Double.NaN;
    private double subsidy = Double.NaN;
    private double feeRule = Double.NaN;
    private double examinationDecay = Double.NaN;
    private double sponsoredSlots = Double.NaN;
    private double channelDissimilarity = Double.NaN;
    private double switchingFactor = Double.NaN;
    private boolean teaching = true;
    private final double[] markup;
    /** Each firm's price set here (a game's team, money/unit), NaN where not moved. */
    private final double[] price;
    private final double[] personalizationScale;
    private double selfPreferencing = Double.NaN;
    /** Each firm's channels set here (a game's team): [firm][Channel] 1 open, 0 closed, NaN not moved. */
    private final double[][] channel;
    /** Each firm's spending a tick set here (a game's team), NaN where not moved: [firm][Spend]. */
    private final double[][] spend;

    /** What a firm spends money on each tick, set by a game's team. */
    public enum Spend {
        QUALITY, MARKETING, EDUCATION
    }

    LiveControls(int firms) {
        markup = new double[firms];
        price = new double[firms];
        personalizationScale = new double[firms];
        spend = new double[firms][Spend.values().length];
        channel = new double[firms][Channel.values().length];
        for (double[] c : channel) {
            Arrays.fill(c, Double.NaN);
        }
        Arrays.fill(markup, Double.NaN);
        Arrays.fill(price, Double.NaN);
        Arrays.fill(personalizationScale, Double.NaN);
        for (double[] s : spend) {
            Arrays.fill(s, Double.NaN);
        }
    }

    /** Utils added to the platform's private label's organic ranking score. */
    public synchronized void setSelfPreferencing(double value) {
        selfPreferencing = value;
    }

    synchronized double pendingSelfPreferencing() {
        return selfPreferencing;
    }

    /** Firm {@code firm}'s spending a tick on {@code kind} (money/tick). */
    public synchronized void setSpend(int firm, Spend kind, double value) {
        spend[firm][kind.ordinal()] = value;
    }

    /** The spending {@code firm} makes a tick on {@code kind} from the next tick: set here and not applied, else its own. */
    public synchronized double spend(Firm firm, Spend kind) {
        double pending = spend[firm.index()][kind.ordinal()];
        if (!Double.isNaN(pending)) {
            return pending;
        }
        return switch (kind) {
            case QUALITY -> firm.config().qualityInvestment().spendPerTick();
            case MARKETING -> firm.config().marketing().spendPerTick();
            case EDUCATION -> firm.config().education();
        };
    }

    /**
     * Whether firm {@code firm} sells through {@code ch} from the next tick (a game's team): leaving the platform
     * delists it at once, leaving the store takes it off the shelf, closing its web store hides its direct offers; its
     * fees for the channel stop. The caller keeps at least one channel open and opens a web store only for a firm
     * that has one ({@link LiveLever#problem}). From a team's first choice, its choice holds ({@link #setChannels}).
     */
    public synchronized void setChannel(int firm, Channel ch, boolean open) {
        channel[firm][ch.ordinal()] = open ? 1 : 0;
    }

    /** Whether {@code firm} sells through {@code ch} from the next tick: set here and not applied, else now. */
    public synchronized boolean channel(Firm firm, Channel ch) {
        double pending = channel[firm.index()][ch.ordinal()];
        return Double.isNaN(pending) ? firm.sellsThrough(ch) : pending != 0;
    }

    /** The platform's take rate; it freezes the fee rule. */
    public synchronized void setTakeRate(double value) {
        takeRate = value;
        feeRule = 0;
    }

    /** The platform's subsidy; it freezes the fee rule. */
    public synchronized void setSubsidy(double value) {
        subsidy = value;
        feeRule = 0;
    }

    /** The platform's fee rule moves its levers at its reviews ({@code true}), or they stay where they are. */
    public synchronized void setFeeRule(boolean on) {
        feeRule = on ? 1 : 0;
    }

    /** {@code eta}: the result at rank r is examined with probability {@code r^-eta}. */
    public synchronized void setExaminationDecay(double value) {
        examinationDecay = value;
    }

    /** Sponsored slots at the top of the platform's results, in [0, results]. */
    public synchronized void setSponsoredSlots(int value) {
        sponsoredSlots = value;
    }

    /** {@code lambda} of the nested logit over a product's channels, in (0, 1]. */
    public synchronized void setChannelDissimilarity(double value) {
        channelDissimilarity = value;
    }

    /** Multiplies every consumer's switching cost. */
    public synchronized void setSwitchingFactor(double value) {
        switchingFactor = value;
    }

    /** Education (teaching purchase criteria) on or off for every firm. */
    public synchronized void setTeaching(boolean on) {
        teaching = on;
    }

    public synchronized boolean teaching() {
        return teaching;
    }

    /** Firm {@code firm}'s markup; it gives the firm's price back to its pricing rule (a price set is dropped). */
    public synchronized void setMarkup(int firm, double value) {
        markup[firm] = value;
        price[firm] = Double.NaN;
    }

    /**
     * Firm {@code firm}'s price (money/unit) from the next tick on, whatever its pricing rule says, until its markup
     * is set again.
     */
    public synchronized void setPrice(int firm, double value) {
        price[firm] = value;
        markup[firm] = Double.NaN;
    }

    /**
     * The price {@code firm} sells at from the next tick when one is set: set here and not yet applied, else the one
     * in force; NaN when its pricing rule prices (a markup set here and not yet applied gives it back).
     */
    public synchronized double price(Firm firm) {
        int j = firm.index();
        if (!Double.isNaN(price[j])) {
            return price[j];
        }
        return Double.isNaN(markup[j]) ? firm.setPrice() : Double.NaN;
    }

    /** Scales firm {@code firm}'s personalization (0 = none, 1 = as configured). */
    public synchronized void setPersonalizationScale(int firm, double value) {
        personalizationScale[firm] = value;
    }

    /** The take rate set here and not yet applied, NaN if none. */
    synchronized double pendingTakeRate() {
        return takeRate;
    }

    /** The subsidy set here, NaN if none. */
    synchronized double pendingSubsidy() {
        return subsidy;
    }

    /** The fee rule's switch set here (1 on, 0 off), NaN if none. */
    synchronized double pendingFeeRule() {
        return feeRule;
    }

    synchronized double pendingExaminationDecay() {
        return examinationDecay;
    }

    synchronized double pendingSponsoredSlots() {
        return sponsoredSlots;
    }

    synchronized double pendingChannelDissimilarity() {
        return channelDissimilarity;
    }

    /** The switching-cost factor set here, NaN if none. */
    synchronized double pendingSwitchingFactor() {
        return switchingFactor;
    }

    /** The markup {@code firm} sells at from the next tick: one set here and not yet applied, else its own. */
    public synchronized double markup(Firm firm) {
        double pending = markup[firm.index()];
        return Double.isNaN(pending) ? firm.markup() : pending;
    }

    /** {@code firm}'s personalization scale from the next tick: one set here and not yet applied, else its own. */
    public synchronized double personalizationScale(Firm firm) {
        double pending = personalizationScale[firm.index()];
        return Double.isNaN(pending) ? firm.personalizationScale() : pending;
    }

    /**
     * Firm {@code firm} sells through the channels given from now on: its own terms, the platform's listing (from
     * this tick's ranking) and the store's shelf. From then on the team's choice holds there: the platform's listing
     * review and the firm's own judgement of the shelf's profit no longer decide for it.
     */
    private static void setChannels(MarketModel model, Firm firm, boolean direct, boolean onPlatform, boolean inStore) {
        Store store = model.store();
        firm.setChannels(direct, onPlatform && model.platform() != null, inStore && store != null);
        if (store != null && !inStore) {
            store.leave(firm.index());
        }
    }

    synchronized void applyTo(MarketModel model) {
        Platform platform = model.platform();
        if (platform != null) {
            if (!Double.isNaN(takeRate) || !Double.isNaN(subsidy)) {
                platform.setLevers(Double.isNaN(takeRate) ? platform.takeRate() : takeRate,
                        Double.isNaN(subsidy) ? platform.subsidy() : subsidy);
            }
            if (!Double.isNaN(feeRule)) {
                platform.setFeeRuleOn(feeRule != 0);
            }
            if (!Double.isNaN(examinationDecay)) {
                platform.setExaminationDecay(examinationDecay);
            }
            if (!Double.isNaN(sponsoredSlots)) {
                platform.setSponsoredSlots((int) sponsoredSlots);
            }
            if (!Double.isNaN(selfPreferencing)) {
                platform.setSelfPreferencing(selfPreferencing);
            }
        }
        selfPreferencing = Double.NaN;
        takeRate = Double.NaN;
        subsidy = Double.NaN;
        feeRule = Double.NaN;
        examinationDecay = Double.NaN;
        sponsoredSlots = Double.NaN;
        if (!Double.isNaN(channelDissimilarity)) {
            model.shopping().setChannelDissimilarity(channelDissimilarity);
            channelDissimilarity = Double.NaN;
        }
        if (!Double.isNaN(switchingFactor)) {
            model.shopping().setSwitchingFactor(switchingFactor);
        }
        for (Firm firm : model.firms()) {
            int j = firm.index();
            if (!Double.isNaN(markup[j])) {
                firm.setMarkup(markup[j]);
                firm.setPrice(Double.NaN);
                markup[j] = Double.NaN;
            }
            if (!Double.isNaN(price[j])) {
                firm.setPrice(price[j]);
                price[j] = Double.NaN;
            }
            if (!Double.isNaN(personalizationScale[j])) {
                firm.setPersonalizationScale(personalizationScale[j]);
                personalizationScale[j] = Double.NaN;
            }
            double[] c = channel[j];
            if (!Double.isNaN(c[0]) || !Double.isNaN(c[1]) || !Double.isNaN(c[2])) {
                setChannels(model, firm, channel(firm, Channel.DIRECT), channel(firm, Channel.PLATFORM),
                        channel(firm, Channel.STORE));
                Arrays.fill(c, Double.NaN);
            }
            double[] s = spend[j];
            if (!Double.isNaN(s[0]) || !Double.isNaN(s[1]) || !Double.isNaN(s[2])) {
                firm.setSpending(s[Spend.QUALITY.ordinal()], s[Spend.MARKETING.ordinal()], s[Spend.EDUCATION.ordinal()]);
                Arrays.fill(s, Double.NaN);
            }
        }
    }
}
