package marketsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import marketsim.results.study.ExperimentFile;
import marketsim.results.study.ExperimentFileReader;
import marketsim.results.sweep.Sweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code marketsim experiment FILE}: runs an experiment file (docs/EXPERIMENTS.md) through the command it
 * describes (run, compare, sweep or calibrate) with the arguments it states, so its folder's data files are those
 * of the folder the file came from, byte for byte. What does not change the data (where the folder goes, charts,
 * threads, progress, which shard) is given here.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run an experiment file: the scenario, overrides, design, factors, samples, outcomes, "
                + "condition, replications and seed of a run, comparison, sweep or calibration (docs/EXPERIMENTS.md). "
                + "Every results folder holds its own as experiment.yaml: running it again gives the same data files, "
                + "byte for byte.",
                "Examples:",
                "  marketsim experiment examples/experiment-take-rate.yaml",
                "  marketsim experiment runs/sweep-platform-squeeze-20261205-101500/experiment.yaml --out again",
                "  marketsim experiment sweep.yaml --shard 3/8 --out shards/shard-3   # then marketsim merge shards/*"})
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (YAML).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder to create (must not exist; default: a new folder under runs/).")
    Path out;

    @Option(names = "--no-charts", description = "Skip the charts and report.html.")
    boolean noCharts;

    @Option(names = "--shard", paramLabel = "I[/N]",
            description = "A sweep: run only slice I of N (N: the file's 'shards' when not given) into a shard folder; "
                    + "join the slices with 'marketsim merge'.")
    String shard;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (results do not depend on it).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExperimentFile experiment = ExperimentFileReader.read(file);
        List<String> args = new ArrayList<>(experiment.arguments(file.toAbsolutePath().getParent()));
        if (shard != null) {
            args.addAll(List.of("--shard", slice(experiment).toString()));
        }
        if (out != null) {
            args.addAll(List.of("--out", out.toString()));
        }
        if (noCharts) {
            args.add("--no-charts");
        }
        if (threads != null) {
            args.addAll(List.of("--threads", threads.toString()));
        }
        if (quiet) {
            args.add("-q");
        }
        // the command it describes, as if typed: the same checks, the same folder
        CommandLine cli = Main.commandLine();
        cli.setOut(spec.commandLine().getOut());
        cli.setErr(spec.commandLine().getErr());
        return cli.execute(args.toArray(String[]::new));
    }

    /** {@code --shard I/N}, or {@code I} of the file's shards; checked against the file. */
    private Sweep.Shard slice(ExperimentFile experiment) throws BadInputException {
        if (!experiment.sweep()) {
            throw new BadInputException("--shard: " + file + " is a " + experiment.design() + ", not a sweep; only a "
                    + "sweep runs in shards");
        }
        String given = shard.strip();
        if (!given.contains("/")) {
            if (experiment.shards() == null) {
                throw new BadInputException("--shard " + given + ": " + file + " does not say how many shards "
                        + "(shards: N); give --shard I/N");
            }
            given = given + "/" + experiment.shards();
        }
        Sweep.Shard slice;
        try {
            slice = Sweep.Shard.parse(given);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--shard: " + e.getMessage());
        }
        if (experiment.shards() != null && slice.count() != experiment.shards()) {
            throw new BadInputException("--shard " + shard + ": " + file + " runs as " + experiment.shards()
                    + " shards, not " + slice.count());
        }
        return slice;
    }
}
