package marketsim.gui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
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
final class LeverPanel extends Inspector implements javax.swing.Scrollable {
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

    /** The width titles wrap at, in pixels: the Console's, less its margins and scroll bar. */
    private final int textWidth;

    /** The levers of {@code model}'s market, their titles wrapped at {@code textWidth} pixels. */
    LeverPanel(MarketModel model, int textWidth) {
        this.model = model;
        this.textWidth = textWidth;
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        MarketConfig config = model.config();
        for (LiveLever lever : LiveLever.values()) {
            if (lever.perFirm() || !lever.appliesTo(config) || !lever.inLessons()) {
                continue;
            }
            if (lever.isSwitch()) {
                JCheckBox box = new JCheckBox(wrap(lever.label(), textWidth - 30), lever.scenarioValue(config, 0) != 0);
                box.setFont(TEXT);
                box.setAlignmentX(LEFT_ALIGNMENT);
                box.addActionListener(e -> {
                    if (!showing) {
                        move(lever, 0, box.isSelected() ? 1 : 0);
                    }
                });
                marketSwitches.put(lever, box);
                add(box);
            } else {
                LeverSlider slider = new LeverSlider(title(lever), textWidth, lever, config,
                        lever.scenarioValue(config, 0), v -> move(lever, 0, v));
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
        firmChoice.setAlignmentX(LEFT_ALIGNMENT);
        firmChoice.setMaximumSize(new java.awt.Dimension(textWidth, firmChoice.getPreferredSize().height));
        JLabel firmLabel = new JLabel("Firm:");
        firmLabel.setFont(TEXT);
        firmLabel.setAlignmentX(LEFT_ALIGNMENT);
        firmLabel.setBorder(BorderFactory.createEmptyBorder(12, 0, 0, 0));
        firmLabel.setLabelFor(firmChoice);
        add(firmLabel);
        add(firmChoice);
        for (LiveLever lever : LiveLever.values()) {
            if (lever.perFirm() && lever.inLessons()) {
                LeverSlider slider = new LeverSlider("Its " + lever.label().toLowerCase(java.util.Locale.ROOT) + " ("
                        + lever.unit() + ")", textWidth, lever, config, lever.min(), v -> move(lever, chosenFirm(), v));
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

    /**
     * {@code text} as a label shows it wrapped at {@code width} pixels. Swing's HTML takes a CSS pixel for a point
     * (1/72 inch) and draws it at 96 dots an inch: the CSS width is three quarters of the pixels wanted.
     */
    static String wrap(String text, int width) {
        return "<html><div style='width:" + width * 3 / 4 + "px'>" + text.replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;") + "</div></html>";
    }

    @Override
    public java.awt.Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(java.awt.Rectangle visible, int orientation, int direction) {
        return TEXT.getSize() * 2;
    }

    @Override
    public int getScrollableBlockIncrement(java.awt.Rectangle visible, int orientation, int direction) {
        return visible.height;
    }

    /** The panel is as wide as the Console's tab: no scrolling sideways. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
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
            moved.remove(new Setting(lever, firm)); // kept in the order last moved: a new run replays them in it
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
        private final int width;
        private final LiveLever lever;
        private final JLabel title = new JLabel();
        private final JSlider slider;
        private final JPanel panel = new JPanel(new java.awt.BorderLayout());
        private boolean showing;

        LeverSlider(String name, int width, LiveLever lever, MarketConfig config, double value, DoubleConsumer onMove) {
            this.name = name;
            this.width = width;
            this.lever = lever;
            int min = position(lever.min());
            int max = position(lever.max(config));
            slider = new JSlider(min, max, Math.min(max, Math.max(min, position(value))));
            int spacing = Math.max(1, (max - min) / 4);
            slider.setMajorTickSpacing(spacing);
            java.util.Hashtable<Integer, JLabel> labels = new java.util.Hashtable<>();
            for (int at = min; at <= max; at += spacing) {
                if (at == min || max - at >= spacing / 2) { // the top of the range is labelled below, not crowded
                    labels.put(at, tick(lever.format(at * lever.scale().step())));
                }
            }
            labels.put(max, tick(lever.format(max * lever.scale().step())));
            slider.setLabelTable(labels);
            slider.setPaintLabels(true);
            slider.setFont(TEXT);
            title.setFont(TEXT);
            title.setLabelFor(slider);
            title.setText(wrap(name + ": " + lever.format(value), width));
            slider.addChangeListener(e -> {
                if (showing) {
                    return;
                }
                double v = slider.getValue() * lever.scale().step();
                title.setText(wrap(name + ": " + lever.format(v), width));
                if (!slider.getValueIsAdjusting()) {
                    onMove.accept(Math.round(v * 1e6) / 1e6);
                }
            });
            panel.add(title, java.awt.BorderLayout.NORTH);
            panel.add(slider, java.awt.BorderLayout.CENTER);
            panel.setBorder(BorderFactory.createEmptyBorder(6, 0, 6, 0));
            panel.setAlignmentX(LEFT_ALIGNMENT);
            panel.setMaximumSize(new java.awt.Dimension(width + 20, panel.getPreferredSize().height));
        }

        private static JLabel tick(String text) {
            JLabel tick = new JLabel(text);
            tick.setFont(TEXT);
            return tick;
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
            title.setText(wrap(name + ": " + lever.format(value), width));
        }
    }
}
