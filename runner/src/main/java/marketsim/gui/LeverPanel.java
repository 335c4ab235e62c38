package marketsim.gui;

import java.awt.GridLayout;

import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;

import marketsim.core.MarketModel;
import marketsim.core.firm.Firm;
import sim.portrayal.Inspector;

/**
 * The levers a class can move mid-run, each a slider with its range: the platform's take rate and
 * subsidy, a switching-cost factor, teaching on or off, and for a chosen firm its markup and
 * personalization. Changes take effect at the next tick (LiveControls). Deliberately not MASON's
 * property inspector: its "chart this property" path needs JFreeChart 1.0 and would fail.
 */
final class LeverPanel extends Inspector {
    private static final long serialVersionUID = 1L;

    LeverPanel(MarketModel model) {
        setLayout(new GridLayout(0, 1, 4, 4));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        var controls = model.controls();
        if (model.config().platform() != null) {
            add(slider("Platform take rate (%)", 0, 60, (int) Math.round(100 * model.config().platform().takeRate()),
                    v -> controls.setTakeRate(v / 100.0)));
            add(slider("Platform subsidy (% of price)", 0, 50, (int) Math.round(100 * model.config().platform().subsidy()),
                    v -> controls.setSubsidy(v / 100.0)));
        }
        add(slider("Switching costs (% of scenario's)", 0, 300, 100, v -> controls.setSwitchingFactor(v / 100.0)));
        JCheckBox teaching = new JCheckBox("Teaching purchase criteria (education spend)", true);
        teaching.addActionListener(e -> controls.setTeaching(teaching.isSelected()));
        add(teaching);
        JComboBox<String> firm = new JComboBox<>();
        for (Firm f : model.firms()) {
            if (f.config().pool() == null) {
                firm.addItem(f.name());
            }
        }
        add(new JLabel("Firm:"));
        add(firm);
        add(slider("Its markup (% of unit cost)", 0, 200, 30,
                v -> controls.setMarkup(index(model, (String) firm.getSelectedItem()), v / 100.0)));
        add(slider("Its personalization (% of configured)", 0, 100, 100,
                v -> controls.setPersonalizationScale(index(model, (String) firm.getSelectedItem()), v / 100.0)));
    }

    private static int index(MarketModel model, String name) {
        for (Firm f : model.firms()) {
            if (f.name().equals(name)) {
                return f.index();
            }
        }
        return 0;
    }

    private static JPanel slider(String label, int min, int max, int value, java.util.function.IntConsumer onChange) {
        JPanel panel = new JPanel(new GridLayout(2, 1));
        JLabel title = new JLabel(label + ": " + value);
        JSlider slider = new JSlider(min, max, Math.max(min, Math.min(max, value)));
        slider.setMajorTickSpacing(Math.max(1, (max - min) / 4));
        slider.setLabelTable(slider.createStandardLabels(Math.max(1, (max - min) / 4)));
        slider.setPaintLabels(true);
        slider.addChangeListener(e -> {
            title.setText(label + ": " + slider.getValue());
            if (!slider.getValueIsAdjusting()) {
                onChange.accept(slider.getValue());
            }
        });
        panel.add(title);
        panel.add(slider);
        return panel;
    }

    @Override
    public void updateInspector() {
        // the levers hold their own state; nothing to refresh from the model
    }
}
