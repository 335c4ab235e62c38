package marketsim.core;

import java.util.List;
import java.util.Locale;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;

/**
 * The levers a teacher moves while a model runs, defined once for every place that shows them (the classroom
 * window's sliders, the browser lesson's): what each sets on the run's {@link LiveControls}, its range, where it
 * applies and the value in force. Values are shares (0.15 = 15%); a switch is 0 or 1. The ranges are the
 * classroom's, not the model's: room to double or quadruple the shipped scenarios' values, and personalization can
 * only be scaled down from what the scenario configures.
 */
public enum LiveLever {
    TAKE_RATE("take_rate", "Platform take rate", "% of price", false, 0, 0.60) {
        @Override
        void set(LiveControls c, int firm, double v) {
            c.setTakeRate(v);
        }

        @Override
        double scenario(MarketConfig config, int firm) {
            return config.platform().takeRate();
        }

        @Override
        double pending(LiveControls c, MarketModel model, int firm) {
            double set = c.pendingTakeRate();
            return Double.isNaN(set) ? model.platform().takeRate() : set; // its fee rule may have moved it
        }
    },
    SUBSIDY("subsidy", "Platform subsidy", "% of price", false, 0, 0.50) {
        @Override
        void set(LiveControls c, int firm, double v) {
            c.setSubsidy(v);
        }

        @Override
        double scenario(MarketConfig config, int firm) {
            return config.platform().subsidy();
        }

        @Override
        double pending(LiveControls c, MarketModel model, int firm) {
            double set = c.pendingSubsidy();
            return Double.isNaN(set) ? model.platform().subsidy() : set;
        }
    },
    SWITCHING("switching", "Switching costs", "% of each consumer's own", false, 0, 3.0) {
        @Override
        void set(LiveControls c, int firm, double v) {
            c.setSwitchingFactor(v);
        }

        @Override
        double scenario(MarketConfig config, int firm) {
            return config.dynamics().dominance().switchingFactorInForce();
        }

        @Override
        double pending(LiveControls c, MarketModel model, int firm) {
            return c.pendingSwitchingFactor();
        }
    },
    TEACHING("teaching", "Teaching purchase criteria (education spend)", "on/off", false, 0, 1) {
        @Override
        void set(LiveControls c, int firm, double v) {
            c.setTeaching(v != 0);
        }

        @Override
        double scenario(MarketConfig config, int firm) {
            return 1;
        }

        @Override
        double pending(LiveControls c, MarketModel model, int firm) {
            return c.teaching() ? 1 : 0;
        }

        @Override
        public boolean isSwitch() {
            return true;
        }
    },
    MARKUP("markup", "Markup", "% of full unit cost", true, 0, 2.0) {
        @Override
        void set(LiveControls c, int firm, double v) {
            c.setMarkup(firm, v);
        }

        @Override
        double scenario(MarketConfig config, int firm) {
            return config.firms().get(firm).markup();
        }

        @Override
        double pending(LiveControls c, MarketModel model, int firm) {
            return c.markup(model.firms().get(firm));
        }
    },
    PERSONALIZATION("personalization", "Personalization", "% of configured", true, 0, 1.0) {
        @Override
        void set(LiveControls c, int firm, double v) {
            c.setPersonalizationScale(firm, v);
        }

        @Override
        double scenario(MarketConfig config, int firm) {
            return 1;
        }

        @Override
        double pending(LiveControls c, MarketModel model, int firm) {
            return c.personalizationScale(model.firms().get(firm));
        }
    };

    private final String key;
    private final String label;
    private final String unit;
    private final boolean perFirm;
    private final double min;
    private final double max;

    LiveLever(String key, String label, String unit, boolean perFirm, double min, double max) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.perFirm = perFirm;
        this.min = min;
        this.max = max;
    }

    abstract void set(LiveControls controls, int firm, double value);

    /** The scenario's value ({@code firm} ignored for a market-wide lever). */
    abstract double scenario(MarketConfig config, int firm);

    /**
     * The value in force on a started run from the next tick: one set and not yet applied, else the run's own; NaN
     * where the run keeps the scenario's.
     */
    abstract double pending(LiveControls controls, MarketModel model, int firm);

    /** The name requests and files use: {@code take_rate}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** What the value is shown as: "% of price", "on/off". */
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

    public double max() {
        return max;
    }

    /** Whether the lever is on or off rather than a value in a range. */
    public boolean isSwitch() {
        return false;
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

    /** Whether the market has what the lever moves: a platform for its fee and subsidy, a firm of its own for a firm's. */
    public boolean appliesTo(MarketConfig config) {
        return switch (this) {
            case TAKE_RATE, SUBSIDY -> config.platform() != null;
            case MARKUP, PERSONALIZATION -> !movableFirms(config).isEmpty();
            default -> true;
        };
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
            return label + ": this scenario has " + (perFirm ? "no firm of its own" : "no platform");
        }
        if (perFirm && !movableFirms(config).contains(firm)) {
            return label + ": no firm " + firm + " to move (firms are 0.." + (config.firms().size() - 1)
                    + ", not a pool's sellers)";
        }
        if (isSwitch() ? value != 0 && value != 1 : !(value >= min && value <= max)) {
            return label + ": " + (isSwitch() ? "must be 0 (off) or 1 (on)"
                    : String.format(Locale.ROOT, "must be in [%s, %s] (%s), got %s", percent(min), percent(max), unit,
                    Double.isFinite(value) ? percent(value) : String.valueOf(value)));
        }
        return null;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
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
