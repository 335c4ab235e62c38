package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code marketsim classroom} as a teacher starts it: the addresses it prints serve the lesson; bad flags exit 2. */
class ClassroomCommandTest {
    @Test
    void itPrintsTheTeachersAndTheClasssAddressesAndServesThem() throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "marketsim.cli.Main", "classroom", "--port", "0",
                "--host", "127.0.0.1");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            List<String> lines = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && !line.startsWith("Ctrl-C"); line = out.readLine()) {
                lines.add(line);
            }
            String printed = String.join("\n", lines);
            assertThat(printed).startsWith("marketsim classroom: classroom (2,000 simulated consumers of a market of 10,000, 104 weeks), seed 20261125")
                    .contains("Teacher (plays and moves the levers; keep this address to yourself):")
                    .contains("Class (watches):").doesNotContain("Exception", "SLF4J", "INFO");
            Matcher teacher = Pattern.compile("http://localhost:(\\d+)/\\?teacher=([0-9a-f]{24})").matcher(printed);
            assertThat(teacher.find()).as(printed).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + teacher.group(1)
                    + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            HttpResponse<String> play = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + teacher.group(1)
                    + "/api/control")).header("X-Teacher", teacher.group(2))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"pause\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(play.statusCode()).as(play.body()).isEqualTo(200);
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the lesson ends on Ctrl-C (SIGTERM here)").isTrue();
        }
    }

    @Test
    void aPortInUseIsExit2WithAnotherToTry() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Cli cli = Cli.run("classroom", "--port", String.valueOf(busy.getLocalPort()), "--host", "127.0.0.1");
            assertThat(cli.code()).as(cli.err()).isEqualTo(2);
            assertThat(cli.err()).contains("marketsim classroom: port " + busy.getLocalPort()
                    + " is already in use by another program; choose another with --port").doesNotContain("\tat ");
        }
    }

    @Test
    void badFlagsAndScenariosAreExit2() {
        Cli port = Cli.run("classroom", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--port 70000: must be 0 (any free port) to 65535");
        Cli scenario = Cli.run("classroom", "no-such-lesson");
        assertThat(scenario.code()).isEqualTo(2);
        assertThat(scenario.err()).contains("no built-in scenario or file named 'no-such-lesson'");
        Cli set = Cli.run("classroom", "--set", "horizon=0");
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).contains("horizon");
    }
}
