package marketsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** A command that writes a results folder: {@code --out}, {@code --no-charts} and the command's own writers. */
abstract class WritingCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard output, as the caller of {@code execute} set it (tests capture it). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: progress and warnings. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
