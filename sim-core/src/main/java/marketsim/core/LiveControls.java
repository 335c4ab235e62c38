package marketsim.core;

import java.util.Arrays;

import marketsim.core.firm.Firm;

/**
 * Levers a teacher may move while the model runs ({@link LiveLever}: the classroom window, the
 * browser lesson). Changes are held here
 * and applied together at the start of the next tick's FIRMS_DECIDE phase, so a tick never runs
 * on half-changed levers. Values start from the scenario; NaN means "as the scenario says".
 * Platform, switching and teaching levers hold until moved again; a firm's markup and
 * personalization are set once (its pricing rule may move the markup afterwards). Setting the
 * platform's take rate or subsidy overrides its fee rule: the platform's rule becomes fixed at the
 * levers set (the other lever at its value then), so a hill-climbing or lifecycle platform stops
 * moving them ({@code Platform.setLevers}).
 *
 * <p>One per run: {@link MarketModel#start()} makes new ones, so a caller looks them up through
 * {@link MarketModel#controls()} at each move rather than keeping them, and sets again on a new
 * run whatever it wants in force there (the classroom window does both).
 */
public final class LiveControls {
    private double takeRate = Double.NaN;
    private double subsidy = Double.NaN;
    private double switchingFactor = Double.NaN;
    private boolean teaching = true;
    private final double[] markup;
    private final double[] personalizationScale;

    LiveControls(int firms) {
        markup = new double[firms];
        personalizationScale = new double[firms];
        Arrays.fill(markup, Double.NaN);
        Arrays.fill(personalizationScale, Double.NaN);
    }

    public synchronized void setTakeRate(double value) {
        takeRate = value;
    }

    public synchronized void setSubsidy(double value) {
        subsidy = value;
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

    public synchronized void setMarkup(int firm, double value) {
        markup[firm] = value;
    }

    /** Scales firm {@code firm}'s personalization (0 = none, 1 = as configured). */
    public synchronized void setPersonalizationScale(int firm, double value) {
        personalizationScale[firm] = value;
    }

    /** The take rate set here (it holds until set again), NaN if none. */
    synchronized double pendingTakeRate() {
        return takeRate;
    }

    /** The subsidy set here, NaN if none. */
    synchronized double pendingSubsidy() {
        return subsidy;
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

    synchronized void applyTo(MarketModel model) {
        if (model.platform() != null && (!Double.isNaN(takeRate) || !Double.isNaN(subsidy))) {
            model.platform().setLevers(Double.isNaN(takeRate) ? model.platform().takeRate() : takeRate,
                    Double.isNaN(subsidy) ? model.platform().subsidy() : subsidy);
        }
        if (!Double.isNaN(switchingFactor)) {
            model.shopping().setSwitchingFactor(switchingFactor);
        }
        for (Firm firm : model.firms()) {
            int j = firm.index();
            if (!Double.isNaN(markup[j])) {
                firm.setMarkup(markup[j]);
                markup[j] = Double.NaN;
            }
            if (!Double.isNaN(personalizationScale[j])) {
                firm.setPersonalizationScale(personalizationScale[j]);
                personalizationScale[j] = Double.NaN;
            }
        }
    }
}
