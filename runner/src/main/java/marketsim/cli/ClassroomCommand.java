package marketsim.cli;

import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import marketsim.classroom.LessonServer;
import marketsim.results.table.SummaryTable;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import marketsim.scenario.Story;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marketsim classroom [SCENARIO] [--port P]}: the lesson in a browser. */
@Command(name = "classroom", mixinStandardHelpOptions = true,
        description = {"Teach live in a browser: starts a web server with one running market and prints two "
                + "addresses. Open the teacher's (it carries a secret token) on the projector to play, pause, step, "
                + "set the speed and move the levers; anyone on the network may open the class address to watch.",
                "The page works offline (everything is served from marketsim itself). Ctrl-C ends the lesson."})
final class ClassroomCommand implements Callable<Integer> {
    /** The port a lesson listens on unless told otherwise. */
    static final int DEFAULT_PORT = 7070;
    private static final int MAX_PORT = 65_535;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "classroom",
            description = "Built-in scenario name or file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: " + DEFAULT_PORT
            + "; 0 picks a free one).")
    int port = DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: all of this "
            + "machine's, so the class can watch; 127.0.0.1 keeps the lesson on this machine).")
    String host = "0.0.0.0";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the first run (default: the scenario's).")
    Long seed;

    @Mixin
    ScenarioOptions scenarioOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > MAX_PORT) {
            throw new BadInputException("--port " + port + ": must be 0 (any free port) to " + MAX_PORT);
        }
        List<String> overrides = new ArrayList<>(scenarioOptions.overrides);
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        Scenario s = ScenarioLoader.load(scenario, overrides);
        Story story = ScenarioLoader.story(scenario, s.description());
        LessonServer server;
        try {
            server = LessonServer.start(s, story, host, port);
        } catch (LessonServer.PortInUseException e) {
            throw new BadInputException("marketsim classroom: " + e.getMessage() + "; choose another with --port, "
                    + "e.g. --port " + (port == DEFAULT_PORT ? DEFAULT_PORT + 1 : DEFAULT_PORT) + " (or --port 0 for "
                    + "any free one)");
        }
        CountDownLatch ended = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            ended.countDown();
        }, "lesson-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "marketsim classroom: %s (%s, %d weeks), seed %d%n", s.name(),
                SummaryTable.consumers(s.config().population()), s.config().horizon(), s.seed());
        out.println("Teacher (plays and moves the levers; keep this address to yourself):");
        out.printf(Locale.ROOT, "  http://localhost:%d/?teacher=%s%n", server.port(), server.token());
        boolean local = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        out.println("Class (watches):");
        List<String> addresses = local ? List.of("localhost") : classAddresses();
        for (String address : addresses) {
            out.printf(Locale.ROOT, "  http://%s:%d/%n", address, server.port());
        }
        out.println("Ctrl-C ends the lesson.");
        out.flush();
        ended.await();
        return CommandLine.ExitCode.OK;
    }

    /** This machine's addresses other devices on the network can reach it at (IPv4, up, not loopback). */
    static List<String> classAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        out.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // no list: the name below still works where the network resolves it
        }
        if (out.isEmpty()) {
            out.add("localhost");
        }
        return out;
    }
}
