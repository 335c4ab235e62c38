package marketsim.gui;

import java.awt.Color;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import marketsim.core.MarketModel;
import marketsim.scenario.Story;
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

    /** The Console's About tab: the scenario's story, set by {@link #open}. */
    private static volatile String about = "<html><body><h2>marketsim classroom</h2></body></html>";

    public static String getName() {
        return "marketsim classroom";
    }

    /** Read by MASON for the Console's About tab. */
    public static Object getInfo() {
        return about;
    }

    /** The About tab's page for a scenario named {@code name} with {@code story} (its opening comments). */
    static String about(String name, Story story) {
        StringBuilder html = new StringBuilder("<html><body style='font-family:sans-serif;font-size:14pt'>");
        html.append("<h2>").append(escape(name)).append(": ").append(escape(story.title())).append("</h2>");
        String[][] parts = {{"The question", story.question()}, {"What it does", story.whatItDoes()},
            {"What to look at", story.whatToNotice()}, {"What to try", story.whatToTry()}};
        for (String[] part : parts) {
            if (!part[1].isBlank()) {
                html.append("<h3>").append(part[0]).append("</h3><p>").append(escape(part[1])).append("</p>");
            }
        }
        html.append("<p>The levers are on the Model tab; a lever moved acts from the next week.</p>");
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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

    /** Opens the Console on {@code model}, its About tab telling {@code story} of scenario {@code name}. */
    public static Console open(MarketModel model, String name, Story story) {
        about = about(name, story);
        return open(model);
    }

    /** Opens the Console on {@code model}. */
    public static Console open(MarketModel model) {
        Console console = new Console(new ClassroomWindow(model));
        console.setVisible(true);
        return console;
    }
}
