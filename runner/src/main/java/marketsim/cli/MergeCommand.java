package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import marketsim.results.study.ExperimentFile;
import marketsim.results.study.ExperimentFileException;
import marketsim.results.study.ExperimentFileReader;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.sweep.Sweep;
import marketsim.results.table.SweepTables;
import marketsim.results.sweep.ShardFolder;
import marketsim.results.sweep.SweepFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code marketsim merge SHARD...}: joins the shards of a sweep into its results folder. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the shard folders of one sweep (each made by 'marketsim sweep ... --shard i/n') into "
                + "the results folder the whole sweep would have written on one machine: the same runs.csv, "
                + "points.csv, analyses and charts, byte for byte.",
                "Example: marketsim merge shards/shard-* --out sweep-take-rate"})
final class MergeCommand extends WritingCommand {
    @Parameters(paramLabel = "SHARD", arity = "1..*", description = "Shard folders, every slice of one sweep.")
    List<Path> shards = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        output.checkFree();
        ShardFolder.Shards slices;
        try {
            slices = ShardFolder.read(shards);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("merge: " + e.getMessage());
        }
        Path folder = output.folder("sweep-" + slices.plan().scenario());
        SweepFolder.Written written;
        try {
            written = slices.merge(folder, experimentOfShards().then(output.figures()));
        } catch (IOException e) {
            throw output.cannotWrite(folder, e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("merge: " + e.getMessage());
        }
        folder = written.folder();
        stdout.print(SweepTables.header(written.result().plan(), Sweep.Shard.WHOLE, 0));
        stdout.print(SweepTables.body(written.result(), written.analyses()));
        output.printWhere(stdout, folder);
        return CommandLine.ExitCode.OK;
    }

    /**
     * The whole sweep's experiment file, from the first shard's (without its shard count), and the inputs it
     * names: what the folder would hold had one machine run it. Shards without one (written by an older
     * marketsim) give none.
     */
    private ShardExperiment experimentOfShards() throws BadInputException {
        Path shard = shards.get(0);
        Path file = shard.resolve(ExperimentFile.FILE);
        if (!Files.isRegularFile(file)) {
            return new ShardExperiment(null, shard);
        }
        try {
            return new ShardExperiment(ExperimentFileReader.read(file).whole(), shard);
        } catch (ExperimentFileException e) {
            throw new BadInputException("merge: " + e.getMessage());
        }
    }

    /** A shard's experiment file, made whole, and the shard folder its inputs are copied from. */
    private record ShardExperiment(ExperimentFile file, Path shard) {
        ResultsFolder.Finisher then(ResultsFolder.Finisher next) {
            return folder -> {
                if (file != null) {
                    Path inputs = shard.resolve(ExperimentFile.INPUTS);
                    java.util.Map<String, String> copies = new java.util.LinkedHashMap<>();
                    if (Files.isDirectory(inputs)) {
                        try (var walk = Files.walk(inputs)) {
                            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                                copies.put(shard.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                            }
                        }
                    }
                    file.writeInto(folder, copies);
                }
                next.finish(folder);
            };
        }
    }
}
