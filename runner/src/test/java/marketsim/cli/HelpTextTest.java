package marketsim.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Every command's help renders as written: picocli formats option descriptions with {@code String.format}, so a bare
 * {@code %} (as in "-80% margin") makes it print a warning to standard error and the raw text (it did, for
 * {@code run --help}). Each command's and subcommand's usage message is rendered with standard error captured.
 */
class HelpTextTest {
    @Test
    void everyCommandsHelpRendersWithoutAFormattingWarning() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder help = new StringBuilder();
        System.setErr(new PrintStream(captured, true, UTF_8));
        try {
            render(Main.commandLine(), help);
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(UTF_8)).doesNotContain("picocli WARN");
        assertThat(help).contains("-80% margin").contains("Usage: marketsim run");
    }

    private static void render(CommandLine command, StringBuilder help) {
        help.append(command.getUsageMessage());
        command.getSubcommands().values().forEach(sub -> render(sub, help));
    }
}
