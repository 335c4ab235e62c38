package marketsim.gui;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

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
 * the levers as the panel shows them, so stop-and-play is "reset with the same seed". The three
 * frames open side by side on the screen ({@link WindowLayout}), in type a projector needs:
 * at least {@link #MIN_FONT} px everywhere (Swing's own 12 px included).
 */
public final class ClassroomWindow extends GUIState {
    /** The smallest type in the window, in pixels: legible projected, from the back of a room. */
    static final int MIN_FONT = 16;
    /** The display's field in pixels at scale 1 (MarketPortrayal draws into it); scaled to its frame. */
    private static final double FIELD = 720;
    /** The Console's width beside its levers' text: the panel's borders, the tab's and a scroll bar. */
    private static final int LEVER_MARGINS = 60;
    /** The screen area the frames are laid out on: the screen's usable area unless set (tests set 1280x720). */
    private static volatile Rectangle screen;

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
        display = new Display2D(FIELD, FIELD, this);
        display.setBackdrop(Color.WHITE);
        display.attach(portrayal, "Market");
        display.movieButton.setVisible(false); // MASON's movie maker needs the media libraries we leave out
        displayFrame = display.createFrame();
        displayFrame.setTitle("marketsim: consumers on the taste circle (colour = last supplier's archetype)");
        controller.registerFrame(displayFrame);
        JFrame chartFrame = charts.frame();
        controller.registerFrame(chartFrame);
        layOut(WindowLayout.of(screen()), null);
        displayFrame.setVisible(true);
        chartFrame.setVisible(true);
    }

    /** The area the frames are laid out on. */
    static Rectangle screen() {
        Rectangle set = screen;
        return set != null ? set : GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    }

    /** For tests: lay the frames out on {@code area} (null: the screen's usable area) from the next window opened. */
    static void layOutOn(Rectangle area) {
        screen = area;
    }

    /**
     * Puts the display, the charts and {@code console} (if not null) where {@code layout} says, the market scaled
     * to fill its frame. On the Swing thread.
     */
    void layOut(WindowLayout layout, JFrame console) {
        displayFrame.setBounds(layout.display());
        display.display.setHorizontalScrollBarPolicy(javax.swing.ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        display.display.setVerticalScrollBarPolicy(javax.swing.ScrollPaneConstants.VERTICAL_SCROLLBAR_NEVER);
        displayFrame.validate();
        java.awt.Dimension room = display.display.getViewport().getExtentSize();
        // the market fills its frame's square, at a scale of whole hundredths (MASON shows it in the header)
        display.setScale(Math.max(0.1, Math.floor(100 * Math.min(room.width, room.height) / FIELD) / 100));
        charts.layOut(layout.charts().width);
        charts.frame().setBounds(layout.charts());
        charts.frame().validate();
        if (console != null) {
            console.setBounds(layout.console());
            console.validate();
        }
    }

    /**
     * Swing's default type (12 px labels, buttons, tabs, the Console's included) raised to {@link #MIN_FONT} px at
     * least, before any of the window is made.
     */
    private static void projectorType() {
        UIManager.getDefaults().keySet().forEach(key -> {
            Object value = UIManager.get(key);
            if (value instanceof FontUIResource font && font.getSize() < MIN_FONT) {
                UIManager.put(key, new FontUIResource(font.deriveFont((float) MIN_FONT)));
            }
        });
    }

    @Override
    public Inspector getInspector() {
        levers = new LeverPanel(model(), WindowLayout.of(screen()).console().width - LEVER_MARGINS);
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

    /** Opens the Console on {@code model}, beside the display and the charts. */
    public static Console open(MarketModel model) {
        projectorType();
        ClassroomWindow window = new ClassroomWindow(model);
        Console console = new Console(window);
        console.setBounds(WindowLayout.of(screen()).console());
        console.setVisible(true);
        return console;
    }
}
