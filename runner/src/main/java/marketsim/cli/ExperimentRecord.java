package marketsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import marketsim.results.calibration.Targets;
import marketsim.results.study.ExperimentFile;
import marketsim.results.experiment.AggregateTable;
import marketsim.results.experiment.ResultsFolder;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;

/**
 * What a command writes into its results folder so that {@code marketsim experiment} can run it again: the
 * experiment file ({@link ExperimentFile}) and, under inputs/, copies of the scenario files and the targets file
 * it names, so the folder alone re-runs on another machine. A built-in scenario is named, not copied.
 */
final class ExperimentRecord {
    private final Map<String, String> inputs = new LinkedHashMap<>();

    /**
     * How the file names the scenario {@code reference} (with {@code overrides}): a built-in's name, or
     * inputs/NAME.yaml, a copy of the file with its extends resolved (the name, the file's without extension, kept).
     */
    String scenario(String reference, List<String> overrides) throws ScenarioException {
        if (ExperimentFile.builtIn(reference)) {
            return reference;
        }
        Scenario plain = ScenarioLoader.load(reference);
        String path = ExperimentFile.INPUTS + "/" + plain.name() + ".yaml";
        for (int k = 2; inputs.containsKey(path); k++) {
            path = ExperimentFile.INPUTS + "/" + k + "/" + plain.name() + ".yaml";
        }
        String header = "# The scenario " + plain.name() + " as the experiment ran it, its 'extends' resolved.\n";
        ObjectNode document = ((ObjectNode) plain.document()).deepCopy();
        document.remove("extends");
        String text = header + yaml(document);
        // read back as the command will read it: if the copy does not give the same scenario, write it whole
        if (!ScenarioLoader.loadText(plain.name(), text, overrides).complete()
                .equals(ScenarioLoader.load(reference, overrides).complete())) {
            text = header + yaml(plain.complete());
        }
        inputs.put(path, text);
        return path;
    }

    /** How the file names the targets: inputs/NAME (the targets file's name), their text as given. */
    String targets(Targets targets) {
        java.nio.file.Path name = java.nio.file.Path.of(targets.file()).getFileName();
        String path = ExperimentFile.INPUTS + "/" + (name == null ? "targets.yaml" : name.toString());
        inputs.put(path, targets.text());
        return path;
    }

    /** Writes {@code file} and the inputs into the folder, then does {@code next} (the charts). */
    ResultsFolder.Finisher then(ExperimentFile file, ResultsFolder.Finisher next) {
        return new ResultsFolder.Finisher() {
            @Override
            public void finish(Path folder) throws IOException {
                file.writeInto(folder, inputs);
                next.finish(folder);
            }

            @Override
            public void finishRun(Path folder, AggregateTable aggregate) throws IOException {
                file.writeInto(folder, inputs);
                next.finishRun(folder, aggregate);
            }
        };
    }

    private static String yaml(com.fasterxml.jackson.databind.JsonNode document) {
        try {
            return new YAMLMapper().writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException("a scenario document is always YAML", e);
        }
    }
}
