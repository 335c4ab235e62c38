package marketsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import marketsim.results.table.Layout;
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
            description = {"Print a scenario file; with --resolved, the document after --set overrides.",
                    "With --levers: each firm's levers and the costs each carries (per week, per unit, per customer)."})
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "SCENARIO", description = "Built-in name or file.")
        String name;

        @CommandLine.Option(names = "--resolved", description = "Print the document with overrides applied.")
        boolean resolved;

        @CommandLine.Option(names = "--levers", description = "List each firm's levers with the costs each carries: "
                + "fixed per week, per unit sold, per customer per week, and where the results report them.")
        boolean levers;

        @Mixin
        ScenarioOptions scenarioOptions;

        @Mixin
        TableOptions table;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Layout layout = table.layout();
            Scenario s = ScenarioLoader.load(name, scenarioOptions.overrides);
            if (levers) {
                out.print(levers(s, layout));
                out.flush();
                return CommandLine.ExitCode.OK;
            }
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

    /** Each firm's levers and the costs they carry, a table per firm (one table with a firm column as CSV). */
    static String levers(Scenario s, Layout layout) {
        String money = s.moneyUnit();
        String[] header = {"lever", "value", "costs it carries (" + money + ")", "reported as"};
        List<RunningCosts.LeverCost> all = RunningCosts.levers(s.config());
        StringBuilder out = new StringBuilder();
        if (layout.data()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"firm", "lever", "value", "fixed_per_week", "per_unit", "per_customer_per_week",
                "reported_as", "note"});
            for (RunningCosts.LeverCost c : all) {
                rows.add(new String[] {c.firm(), c.lever(), c.value(), c.fixed(), c.perUnit(), c.perCustomer(),
                    c.reported(), c.note()});
            }
            return layout.render(rows, "");
        }
        out.append(layout.wrap(s.name() + ": each firm's levers and the costs each carries, in " + money + ". Change "
                + "one with --set 'firms[NAME].LEVER=VALUE' (e.g. firms[NAME].channels.platform=false: not on the "
                + "platform; firms[NAME].personalization.enabled=false). A fixed cost is paid every week whatever is "
                + "sold, so a lever at 0 that is still enabled still costs it. Where a firm's money went in a run: "
                + "the cost breakdown in report.html, or marketsim run " + s.name() + " --entity NAME.")).append(
                System.lineSeparator());
        String firm = null;
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i <= all.size(); i++) {
            RunningCosts.LeverCost c = i < all.size() ? all.get(i) : null;
            if (firm != null && (c == null || !c.firm().equals(firm))) {
                out.append(System.lineSeparator()).append(firm).append(System.lineSeparator())
                        .append(layout.render(rows, "  "));
                rows = new ArrayList<>();
            }
            if (c == null) {
                break;
            }
            if (rows.isEmpty()) {
                rows.add(header);
            }
            firm = c.firm();
            rows.add(new String[] {c.lever(), c.value(), c.costs(), c.reported()});
        }
        return out.toString();
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
