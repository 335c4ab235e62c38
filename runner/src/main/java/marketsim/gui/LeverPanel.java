package marketsim.gui;

import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.ToDoubleBiFunction;

import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;

import marketsim.core.LiveControls;
import marketsim.core.MarketModel;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.firm.Firm;
import sim.portrayal.Inspector;

/**
 * The levers a class can move, on the Console's Model tab, each a slider with its range: the
 * platform's take rate and subsidy, a switching-cost factor, teaching on or off, and for a chosen
 * firm its markup and personalization. Deliberately not MASON's property inspector: its "chart
 * this property" path needs JFreeChart 1.0 and would fail.
 *
 * <p>What the panel shows is what is in force. A lever moved (a drag ends, a click, a key) is set
 * on the running model's {@link LiveControls}, looked up at each move because every start makes
 * new ones, and acts at the next tick; a lever moved before Play or while stopped acts from week
 * 1 of the next run. Every lever moved is set again on each new run ({@link #applyTo}), so Stop and
 * Play reruns the same seed with the levers as shown. The firm sliders show the chosen firm's
 * value after every tick: its pricing rule may move its markup at reviews; the platform's sliders
 * likewise show its take rate and subsidy, which its fee rule may move (moving one here fixes them).
 */
final class LeverPanel extends Inspector {
    private static final long serialVersionUID = 1L;
    /** Sliders move in whole percent. */
    private static final double PERCENT = 100;
    /** Top of each slider, in percent: room to double or quadruple the shipped scenarios' values. */
    private static final int TAKE_RATE_MAX = 60;
    private static final int SUBSIDY_MAX = 50;
    private static final int SWITCHING_MAX = 300;
    private static final int MARKUP_MAX = 200;
    /** Personalization can only be scaled down from what the scenario configures. */
    private static final int PERSONALIZATION_MAX = 100;

    /** What a lever sets on a run's controls ({@code firm} for a firm's own levers). */
    private enum Lever {
        TAKE_RATE((c, firm, v) -> c.setTakeRate(v)),
        SUBSIDY((c, firm, v) -> c.setSubsidy(v)),
        SWITCHING((c, firm, v) -> c.setSwitchingFactor(v)),
        TEACHING((c, firm, v) -> c.setTeaching(v != 0)),
        MARKUP((c, firm, v) -> c.setMarkup(firm, v)),
        PERSONALIZATION((c, firm, v) -> c.setPersonalizationScale(firm, v));

        private final Setter setter;

        Lever(Setter setter) {
            this.setter = setter;
        }
    }

    @FunctionalInterface
    private interface Setter {
        void set(LiveControls controls, int firm, double value);
    }

    /** One lever of one firm (firm 0 for the market-wide levers). */
    private record Setting(Lever lever, int firm) {
    }

    private final MarketModel model;
    /** The levers moved so far and their values, in the order first moved: set again on each new run. */
    private final Map<Setting, Double> moved = new LinkedHashMap<>();
    /** The scenario index of each firm in the chooser, in its order. */
    private final List<Integer> firmIndexes = new ArrayList<>();
    private final JComboBox<String> firmChoice = new JComboBox<>();
    private LeverSlider markup;
    private LeverSlider personalization;
    /** The platform's levers, or null without a platform: its fee rule may move them. */
    private LeverSlider takeRate;
    private LeverSlider subsidy;

    LeverPanel(MarketModel model) {
        this.model = model;
        setLayout(new GridLayout(0, 1, 4, 4));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        MarketConfig config = model.config();
        if (config.platform() != null) {
            takeRate = new LeverSlider("Platform take rate (%)", TAKE_RATE_MAX, percent(config.platform().takeRate()),
                    v -> move(Lever.TAKE_RATE, 0, v));
            subsidy = new LeverSlider("Platform subsidy (% of price)", SUBSIDY_MAX, percent(config.platform().subsidy()),
                    v -> move(Lever.SUBSIDY, 0, v));
            add(takeRate.panel);
            add(subsidy.panel);
        }
        add(new LeverSlider("Switching costs (% of each consumer's own)", SWITCHING_MAX,
                percent(config.dynamics().dominance().switchingFactorInForce()),
                v -> move(Lever.SWITCHING, 0, v)).panel);
        JCheckBox teaching = new JCheckBox("Teaching purchase criteria (education spend)", true);
        teaching.addActionListener(e -> move(Lever.TEACHING, 0, teaching.isSelected() ? 1 : 0));
        add(teaching);
        List<FirmConfig> firms = config.firms(); // the model's firms exist only once it has started
        for (int j = 0; j < firms.size(); j++) {
            if (firms.get(j).pool() == null) {
                firmChoice.addItem(firms.get(j).name());
                firmIndexes.add(j);
            }
        }
        if (firmIndexes.isEmpty()) {
            return;
        }
        markup = new LeverSlider("Its markup (% of full unit cost)", MARKUP_MAX, 0,
                v -> move(Lever.MARKUP, chosenFirm(), v));
        personalization = new LeverSlider("Its personalization (% of configured)", PERSONALIZATION_MAX, 0,
                v -> move(Lever.PERSONALIZATION, chosenFirm(), v));
        JLabel firmLabel = new JLabel("Firm:");
        firmLabel.setLabelFor(firmChoice);
        add(firmLabel);
        add(firmChoice);
        add(markup.panel);
        add(personalization.panel);
        firmChoice.addActionListener(e -> showChosenFirm());
        showChosenFirm();
    }

    /** Sets every lever moved so far on a run just started, before its first tick. */
    void applyTo(LiveControls controls) {
        synchronized (moved) {
            moved.forEach((setting, value) -> setting.lever().setter.set(controls, setting.firm(), value));
        }
    }

    /**
     * After each tick (on the Swing thread): the firm sliders follow the chosen firm, and the platform sliders its take rate
     * and subsidy, which its fee rule may move (a lever moved here fixes them: the platform's rule becomes fixed).
     */
    @Override
    public void updateInspector() {
        if (markup != null) {
            showChosenFirm();
        }
        if (takeRate != null && model.platform() != null) {
            takeRate.show(percent(model.platform().takeRate()));
            subsidy.show(percent(model.platform().subsidy()));
        }
    }

    /** A lever the teacher moved: kept for the runs to come, and set on the running model for its next tick. */
    private void move(Lever lever, int firm, double value) {
        synchronized (moved) {
            moved.put(new Setting(lever, firm), value);
        }
        LiveControls running = model.controls(); // null before the first start
        if (running != null) {
            lever.setter.set(running, firm, value);
        }
    }

    private int chosenFirm() {
        return firmIndexes.get(Math.max(0, firmChoice.getSelectedIndex()));
    }

    private void showChosenFirm() {
        int j = chosenFirm();
        FirmConfig config = model.config().firms().get(j);
        markup.show(percent(inForce(Lever.MARKUP, j, config.markup(), LiveControls::markup)));
        personalization.show(percent(inForce(Lever.PERSONALIZATION, j, 1, LiveControls::personalizationScale)));
    }

    /**
     * Firm {@code j}'s lever as it stands: the run's (a move not yet applied, else the firm's own)
     * once a run has started; before, a move kept for the first run, else the scenario's value.
     */
    private double inForce(Lever lever, int j, double scenario, ToDoubleBiFunction<LiveControls, Firm> run) {
        LiveControls controls = model.controls();
        List<Firm> firms = model.firms();
        if (controls != null && j < firms.size()) {
            return run.applyAsDouble(controls, firms.get(j));
        }
        synchronized (moved) {
            return moved.getOrDefault(new Setting(lever, j), scenario);
        }
    }

    private static int percent(double share) {
        return (int) Math.round(PERCENT * share);
    }

    /**
     * A titled slider from 0 to {@code max} percent. Only the teacher's moves reach the lever: a
     * value shown by the panel (another firm chosen, a tick passed) does not. The title says the
     * value even where the knob stops at an end of its range.
     */
    private static final class LeverSlider {
        private final String name;
        private final JLabel title = new JLabel();
        private final JSlider slider;
        private final JPanel panel = new JPanel(new GridLayout(2, 1));
        private boolean showing;

        LeverSlider(String name, int max, int value, DoubleConsumer onMove) {
            this.name = name;
            slider = new JSlider(0, max, Math.min(max, Math.max(0, value)));
            slider.setMajorTickSpacing(Math.max(1, max / 4));
            slider.setLabelTable(slider.createStandardLabels(Math.max(1, max / 4)));
            slider.setPaintLabels(true);
            title.setLabelFor(slider);
            title.setText(name + ": " + value);
            slider.addChangeListener(e -> {
                if (showing) {
                    return;
                }
                title.setText(name + ": " + slider.getValue());
                if (!slider.getValueIsAdjusting()) {
                    onMove.accept(slider.getValue() / PERCENT);
                }
            });
            panel.add(title);
            panel.add(slider);
        }

        /** Shows {@code value} without moving the lever; not while the teacher is dragging the knob. */
        void show(int value) {
            if (slider.getValueIsAdjusting()) {
                return;
            }
            showing = true;
            try {
                slider.setValue(value);
            } finally {
                showing = false;
            }
            title.setText(name + ": " + value);
        }
    }
}
