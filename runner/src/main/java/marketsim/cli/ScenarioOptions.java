package marketsim.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code --set path=value}, shared by every command that loads a scenario. */
final class ScenarioOptions {
    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a scenario value, e.g. firms[brand-a].markup=0.5 or "
                    + "market.relationship_decay=0.05 (repeatable).")
    List<String> overrides = new ArrayList<>();
}
