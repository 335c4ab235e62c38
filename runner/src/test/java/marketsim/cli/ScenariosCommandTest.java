package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheLibraryWithEachQuestion() {
        Cli cli = Cli.run("scenarios", "list");
        assertThat(cli.code()).isZero();
        assertThat(cli.out()).startsWith("jeo-baseline        Product focus or customer focus: who wins, on what terms?")
                .contains("platform-squeeze    How far can a platform raise its take rate?");
    }

    @Test
    void showsABuiltInScenarioAndTheResolvedDocument() {
        assertThat(Cli.run("scenarios", "show", "jeo-baseline").out()).startsWith("# jeo-baseline");
        Cli resolved = Cli.run("scenarios", "show", "jeo-baseline", "--set", "firms[brand-a].markup=0.55");
        assertThat(resolved.code()).isZero();
        assertThat(resolved.out()).contains("markup: 0.55");
    }

    @Test
    void validateReportsEachFileAndExits2OnAnyProblem() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "firms: [{name: x, archetype: custmer-focused}]\n");
        Cli cli = Cli.run("scenarios", "validate", "jeo-baseline", bad.toString());
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.out()).contains("jeo-baseline: ok (7 firms, 10,000 consumers, 260 ticks)");
        assertThat(cli.err()).contains("did you mean 'customer-focused'?").contains("at least one segment");
    }
}
