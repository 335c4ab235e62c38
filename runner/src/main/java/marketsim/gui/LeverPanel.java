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
 * Console's Model tab, each a slider with its range or a box for a switch: the platform's take
 * rate and subsidy, its fee rule on or off, its ranking's examination decay and sponsored slots,
 * the channels' dissimilarity, a switching-cost factor, teaching on or off (each where the
 * scenario has what it moves), and for a chosen firm its markup and personalization. Deliberately
 * not MASON's property inspector: its "chart this property" path needs JFreeChart 1.0 and would
 * fail.
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
    /** Type the size a projector needs (the Console's own is 12 px). */
    static final java.awt.Font TEXT = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 17);

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
    /** The market's switches: moving the take rate turns the fee rule off, so they follow the run too. */
    private final Map<LiveLever, JCheckBox> marketSwitches = new EnumMap<>(LiveLever.class);
    /** Set while the panel shows the run's values: a box ticked by the panel is not a teacher's move. */
    private boolean showing;

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
                box.setFont(TEXT);
                box.addActionListener(e -> {
                    if (!showing) {
                        move(lever, 0, box.isSelected() ? 1 : 0);
                    }
                });
                marketSwitches.put(lever, box);
                add(box);
            } else {
                LeverSlider slider = new LeverSlider(title(lever), lever, config, lever.scenarioValue(config, 0),
                        v -> move(lever, 0, v));
                marketSliders.put(lever, slider);
                add(slider.panel);
            }
        }
        firmIndexes.addAll(LiveLever.movableFirms(config)); // the model's firms exist only once it has started
        if (firmIndexes.isEmpty()) {
            return;
        }
        firmIndexes.forEach(j -> firmChoice.addItem(config.firms().get(j).name()));
        firmChoice.setFont(TEXT);
        JLabel firmLabel = new JLabel("Firm:");
        firmLabel.setFont(TEXT);
        firmLabel.setLabelFor(firmChoice);
        add(firmLabel);
        add(firmChoice);
        for (LiveLever lever : LiveLever.values()) {
            if (lever.perFirm()) {
                LeverSlider slider = new LeverSlider("Its " + lever.label().toLowerCase(java.util.Locale.ROOT) + " ("
                        + lever.unit() + ")", lever, config, lever.min(), v -> move(lever, chosenFirm(), v));
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
            marketSliders.forEach((lever, slider) -> slider.show(lever.inForce(model, 0)));
            showing = true;
            try {
                marketSwitches.forEach((lever, box) -> box.setSelected(lever.inForce(model, 0) != 0));
            } finally {
                showing = false;
            }
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
        firmSliders.forEach((lever, slider) -> slider.show(inForce(lever, j)));
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

    /**
     * A titled slider over a lever's range in its steps (1% of a share, 0.05 of a number, 1 of a count). Only the
     * teacher's moves reach the lever: a value shown by the panel (another firm chosen, a tick passed) does not. The
     * title says the value even where the knob stops at an end of its range.
     */
    private static final class LeverSlider {
        private final String name;
        private final LiveLever lever;
        private final JLabel title = new JLabel();
        private final JSlider slider;
        private final JPanel panel = new JPanel(new GridLayout(2, 1));
        private boolean showing;

        LeverSlider(String name, LiveLever lever, MarketConfig config, double value, DoubleConsumer onMove) {
            this.name = name;
            this.lever = lever;
            int min = position(lever.min());
            int max = position(lever.max(config));
            slider = new JSlider(min, max, Math.min(max, Math.max(min, position(value))));
            int spacing = Math.max(1, (max - min) / 4);
            slider.setMajorTickSpacing(spacing);
            java.util.Hashtable<Integer, JLabel> labels = new java.util.Hashtable<>();
            for (int at = min; at <= max; at += spacing) {
                JLabel tick = new JLabel(lever.format(at * lever.scale().step()));
                tick.setFont(TEXT);
                labels.put(at, tick);
            }
            slider.setLabelTable(labels);
            slider.setPaintLabels(true);
            slider.setFont(TEXT);
            title.setFont(TEXT);
            title.setLabelFor(slider);
            title.setText(name + ": " + lever.format(value));
            slider.addChangeListener(e -> {
                if (showing) {
                    return;
                }
                double v = slider.getValue() * lever.scale().step();
                title.setText(name + ": " + lever.format(v));
                if (!slider.getValueIsAdjusting()) {
                    onMove.accept(Math.round(v * 1e6) / 1e6);
                }
            });
            panel.add(title);
            panel.add(slider);
        }

        private int position(double value) {
            return (int) Math.round(value / lever.scale().step());
        }

        /** Shows {@code value} without moving the lever; not while the teacher is dragging the knob. */
        void show(double value) {
            if (slider.getValueIsAdjusting()) {
                return;
            }
            showing = true;
            try {
                slider.setValue(position(value));
            } finally {
                showing = false;
            }
            title.setText(name + ": " + lever.format(value));
        }
    }
}
