package marketsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import marketsim.results.table.SummaryTable;
import marketsim.scenario.RunningCosts;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code marketsim scenarios list|show|validate}: the built-in library and checks. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "The built-in scenario library, and checks of scenario files.",
        subcommands = {ScenariosCommand.ListScenarios.class, ScenariosCommand.Show.class,
                ScenariosCommand.Validate.class})
final class ScenariosCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand: list, show or validate");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Built-in scenarios and their questions.")
    static final class ListScenarios implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws ScenarioException {
            PrintWriter out = spec.commandLine().getOut();
            int width = ScenarioLoader.BUILT_IN.stream().mapToInt(String::length).max().orElse(0);
            for (String name : ScenarioLoader.BUILT_IN) {
                Scenario s = ScenarioLoader.load(name);
                String question = s.description().strip().replaceAll("\\s+", " ");
                int end = question.indexOf("? ");
                out.printf("%-" + width + "s  %s%n", name, end > 0 ? question.substring(0, end + 1) : question);
            }
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a scenario file; with --resolved, the document after --set overrides.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "SCENARIO", description = "Built-in name or file.")
        String name;

        @CommandLine.Option(names = "--resolved", description = "Print the document with overrides applied.")
        boolean resolved;

        @Mixin
        ScenarioOptions scenarioOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Scenario s = ScenarioLoader.load(name, scenarioOptions.overrides);
            if (!resolved && scenarioOptions.overrides.isEmpty() && ScenarioLoader.BUILT_IN.contains(name)) {
                out.print(ScenarioLoader.builtInText(name));
            } else {
                out.print(new YAMLMapper().writeValueAsString(s.document()));
            }
            // comments, so that the output stays a scenario file
            out.println();
            out.println("# Costs each firm pays every week whatever it sells (money/week):");
            for (String line : RunningCosts.lines(s.config())) {
                out.println("#   " + line);
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check scenario files; report every problem. Exit 2 if any file has one.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files or built-in names.")
        List<String> files = new ArrayList<>();

        @Mixin
        ScenarioOptions scenarioOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int bad = 0;
            for (String file : files) {
                try {
                    Scenario s = ScenarioLoader.load(file, scenarioOptions.overrides);
                    out.printf("%s: ok (%d firms, %s, %d ticks)%n", file, s.config().firms().size(),
                            SummaryTable.consumers(s.config().population()), s.config().horizon());
                } catch (ScenarioException e) {
                    err.println(e.getMessage());
                    bad++;
                }
            }
            out.flush();
            err.flush();
            return bad == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.USAGE;
        }
    }
}
