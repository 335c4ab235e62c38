package marketsim.gui;

import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;

import marketsim.core.LiveControls;
import marketsim.core.LiveLever;
import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import sim.portrayal.Inspector;

/**
 * The levers a class can move ({@link LiveLever}, the same as the browser lesson's), on the
 * Console's Model tab, each a slider with its range: the platform's take rate and subsidy, a
 * switching-cost factor, teaching on or off, and for a chosen firm its markup and
 * personalization. Deliberately not MASON's property inspector: its "chart
 * this property" path needs JFreeChart 1.0 and would fail.
 *
 * <p>What the panel shows is what is in force. A lever moved (a drag ends, a click, a key) is set
 * on the running model's {@link LiveControls}, looked up at each move because every start makes
 * new ones, and acts at the next tick; a lever moved before Play or while stopped acts from week
 * 1 of the next run. Every lever moved is set again on each new run ({@link #applyTo}), so Stop and
 * Play reruns the same seed with the levers as shown. The firm sliders show the chosen firm's
 * value after every tick: its pricing rule may move its markup at reviews.
 */
final class LeverPanel extends Inspector {
    private static final long serialVersionUID = 1L;
    /** Sliders move in whole percent. */
    private static final double PERCENT = 100;

    /** One lever of one firm (firm 0 for the market-wide levers). */
    private record Setting(LiveLever lever, int firm) {
    }

    private final MarketModel model;
    /** The levers moved so far and their values, in the order first moved: set again on each new run. */
    private final Map<Setting, Double> moved = new LinkedHashMap<>();
    /** The scenario index of each firm in the chooser, in its order. */
    private final List<Integer> firmIndexes = new ArrayList<>();
    private final JComboBox<String> firmChoice = new JComboBox<>();
    /** The sliders of the chosen firm's levers. */
    private final Map<LiveLever, LeverSlider> firmSliders = new EnumMap<>(LiveLever.class);
    /** The market's sliders: the platform's fee rule may move its take rate and subsidy, so they follow the run. */
    private final Map<LiveLever, LeverSlider> marketSliders = new EnumMap<>(LiveLever.class);

    LeverPanel(MarketModel model) {
        this.model = model;
        setLayout(new GridLayout(0, 1, 4, 4));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        MarketConfig config = model.config();
        for (LiveLever lever : LiveLever.values()) {
            if (lever.perFirm() || !lever.appliesTo(config)) {
                continue;
            }
            if (lever.isSwitch()) {
                JCheckBox box = new JCheckBox(lever.label(), lever.scenarioValue(config, 0) != 0);
                box.addActionListener(e -> move(lever, 0, box.isSelected() ? 1 : 0));
                add(box);
            } else {
                LeverSlider slider = new LeverSlider(title(lever), percent(lever.max()),
                        percent(lever.scenarioValue(config, 0)), v -> move(lever, 0, v));
                marketSliders.put(lever, slider);
                add(slider.panel);
            }
        }
        firmIndexes.addAll(LiveLever.movableFirms(config)); // the model's firms exist only once it has started
        if (firmIndexes.isEmpty()) {
            return;
        }
        firmIndexes.forEach(j -> firmChoice.addItem(config.firms().get(j).name()));
        JLabel firmLabel = new JLabel("Firm:");
        firmLabel.setLabelFor(firmChoice);
        add(firmLabel);
        add(firmChoice);
        for (LiveLever lever : LiveLever.values()) {
            if (lever.perFirm()) {
                LeverSlider slider = new LeverSlider("Its " + lever.label().toLowerCase(java.util.Locale.ROOT) + " ("
                        + lever.unit() + ")", percent(lever.max()), 0, v -> move(lever, chosenFirm(), v));
                firmSliders.put(lever, slider);
                add(slider.panel);
            }
        }
        firmChoice.addActionListener(e -> showChosenFirm());
        showChosenFirm();
    }

    private static String title(LiveLever lever) {
        return lever.label() + " (" + lever.unit() + ")";
    }

    /** Sets every lever moved so far on a run just started, before its first tick. */
    void applyTo(LiveControls controls) {
        synchronized (moved) {
            moved.forEach((setting, value) -> setting.lever().setOn(controls, setting.firm(), value));
        }
    }

    /**
     * After each tick (on the Swing thread): the firm sliders follow the chosen firm, and the market's sliders the
     * run, whose platform fee rule may move its take rate and subsidy (a lever moved here fixes them: the platform's
     * rule becomes fixed at the values set).
     */
    @Override
    public void updateInspector() {
        if (!firmSliders.isEmpty()) {
            showChosenFirm();
        }
        if (model.controls() != null) {
            marketSliders.forEach((lever, slider) -> slider.show(percent(lever.inForce(model, 0))));
        }
    }

    /** A lever the teacher moved: kept for the runs to come, and set on the running model for its next tick. */
    private void move(LiveLever lever, int firm, double value) {
        synchronized (moved) {
            moved.put(new Setting(lever, firm), value);
        }
        LiveControls running = model.controls(); // null before the first start
        if (running != null) {
            lever.setOn(running, firm, value);
        }
    }

    private int chosenFirm() {
        return firmIndexes.get(Math.max(0, firmChoice.getSelectedIndex()));
    }

    private void showChosenFirm() {
        int j = chosenFirm();
        firmSliders.forEach((lever, slider) -> slider.show(percent(inForce(lever, j))));
    }

    /**
     * Firm {@code j}'s lever as it stands: the run's (a move not yet applied, else the firm's own)
     * once a run has started; before, a move kept for the first run, else the scenario's value.
     */
    private double inForce(LiveLever lever, int j) {
        if (model.controls() != null && j < model.firms().size()) {
            return lever.inForce(model, j);
        }
        synchronized (moved) {
            return moved.getOrDefault(new Setting(lever, j), lever.scenarioValue(model.config(), j));
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
