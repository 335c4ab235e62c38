package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            written = slices.merge(folder, output.figures());
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
}
