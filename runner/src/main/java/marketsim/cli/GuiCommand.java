package marketsim.cli;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.util.concurrent.Callable;

import marketsim.core.MarketModel;
import marketsim.gui.ClassroomWindow;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code marketsim gui [SCENARIO]}: the classroom window. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the classroom window (a MASON Console): consumers on the taste circle coloured by "
                + "their supplier's archetype, live charts, and sliders for fees, prices and spend mid-run.",
                "Press play to run; stop and play again to rerun the same seed with the levers as set."})
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "classroom",
            description = "Built-in scenario name or file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Override
    public Integer call() throws Exception {
        if (!displayAnswers()) {
            throw new BadInputException("marketsim gui: no display is available (no DISPLAY, a DISPLAY that does not "
                    + "answer, or a headless Java). The classroom window needs a desktop; for headless work use "
                    + "marketsim run.");
        }
        Scenario s = ScenarioLoader.load(scenario, scenarioOptions.overrides);
        ClassroomWindow.open(new MarketModel(s.config(), s.seed()), s.name(), ScenarioLoader.story(scenario, s.description()));
        Thread.currentThread().join(); // the window runs until the Console is closed (it exits the JVM)
        return CommandLine.ExitCode.OK;
    }

    /**
     * Whether a window can open here. A DISPLAY that names no running server (an X server gone, a
     * forwarded session closed) is not headless to Java: AWT finds out when it first connects, with
     * an AWTError, so connect once here, before any window.
     */
    private static boolean displayAnswers() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            return true;
        } catch (AWTError | HeadlessException e) {
            return false;
        }
    }
}
