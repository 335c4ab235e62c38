package marketsim.gui;

import java.awt.Color;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import marketsim.core.MarketModel;
import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.portrayal.Inspector;

/**
 * The classroom window (MASON's GUIState): the market display, live charts and the lever panel
 * around a Console (start, pause, step, speed). Every start runs the scenario's seed again, with
 * the levers as the panel shows them, so stop-and-play is "reset with the same seed".
 */
public final class ClassroomWindow extends GUIState {
    private final MarketPortrayal portrayal = new MarketPortrayal();
    private final LiveCharts charts = new LiveCharts();
    private Display2D display;
    private JFrame displayFrame;
    private LeverPanel levers;

    public ClassroomWindow(MarketModel model) {
        super(model);
    }

    public static String getName() {
        return "marketsim classroom";
    }

    MarketModel model() {
        return (MarketModel) state;
    }

    @Override
    public void start() {
        super.start(); // the model's start: a new run, with new LiveControls
        if (levers != null) {
            levers.applyTo(model().controls());
            SwingUtilities.invokeLater(levers::updateInspector);
        }
        portrayal.setModel(model());
        charts.reset();
        scheduleRepeatingImmediatelyAfter(s -> {
            int done = model().ticksDone();
            if (done > 0) {
                charts.update(model(), done - 1);
            }
        });
        if (display != null) {
            display.reset();
            display.repaint();
        }
    }

    @Override
    public void load(SimState state) {
        super.load(state);
        portrayal.setModel(model());
    }

    @Override
    public void init(Controller controller) {
        super.init(controller);
        display = new Display2D(720, 720, this);
        display.setBackdrop(Color.WHITE);
        display.attach(portrayal, "Market");
        display.movieButton.setVisible(false); // MASON's movie maker needs the media libraries we leave out
        displayFrame = display.createFrame();
        displayFrame.setTitle("marketsim: consumers on the taste circle (colour = last supplier's archetype)");
        controller.registerFrame(displayFrame);
        displayFrame.setVisible(true);
        JFrame chartFrame = charts.frame();
        chartFrame.setLocation(740, 0);
        controller.registerFrame(chartFrame);
        chartFrame.setVisible(true);
    }

    @Override
    public Inspector getInspector() {
        levers = new LeverPanel(model());
        return levers;
    }

    @Override
    public void quit() {
        super.quit();
        if (displayFrame != null) {
            displayFrame.dispose();
        }
        charts.frame().dispose();
    }

    /** The display frame (for screenshots). */
    JFrame displayFrame() {
        return displayFrame;
    }

    /** The live charts frame (for screenshots). */
    JFrame chartFrame() {
        return charts.frame();
    }

    /** Opens the Console on {@code model}. */
    public static Console open(MarketModel model) {
        Console console = new Console(new ClassroomWindow(model));
        console.setVisible(true);
        return console;
    }
}
