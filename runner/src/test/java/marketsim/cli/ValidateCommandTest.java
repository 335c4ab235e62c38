package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void quickValidationPrintsEveryCheckAndWritesTheReport() {
        Cli cli = Cli.run("validate", "--quick", "--check", "logit-shares", "--check", "bass-diffusion", "--out",
                dir.resolve("v").toString(), "--markdown", dir.resolve("VALIDATION.md").toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Multinomial-logit shares with an outside option").contains("share: cheap")
                .contains("Awareness follows the Bass diffusion curve").contains("All checks pass: 10 of 10");
        assertThat(dir.resolve("v/validation.csv")).content().startsWith(
                "check,quantity,formula,expected,measured,ci_low,ci_high,tolerance,pass\n");
        assertThat(dir.resolve("v/lab.yaml")).exists();
        assertThat(dir.resolve("v/charts/validation-bass-diffusion.png")).exists();
        assertThat(dir.resolve("VALIDATION.md")).content().contains("# Validation").contains("| share: cheap |")
                .contains("](validation/validation-bass-diffusion.png)");
        assertThat(dir.resolve("validation/validation-bass-diffusion.png")).exists();
    }

    @Test
    void anUnknownCheckIsBadInput() {
        Cli cli = Cli.run("validate", "--check", "salop", "--out", dir.resolve("w").toString());
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("--check salop: no such check; checks: logit-shares");
        assertThat(dir.resolve("w")).doesNotExist();
    }
}
