package marketsim.cli;

import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import marketsim.charts.Figures;
import marketsim.format.OsReason;
import marketsim.results.Provenance;
import marketsim.scenario.input.InputException;
import marketsim.scenario.input.InputFiles;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code marketsim COMMAND ...}. Exit codes: 0 ok, 1 run failed (running out of memory
 * or threads included, told as a message), 2 bad input.
 */
@Command(name = "marketsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Agent-based market simulator: product-focused, customer-focused and platform strategies.",
        subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, CalibrateCommand.class,
                ExperimentCommand.class,
                OptimizeCommand.class, AuditCommand.class,
                MergeCommand.class, ValidateCommand.class, ChartCommand.class, ReportCommand.class,
                ScenariosCommand.class, GuiCommand.class, ClassroomCommand.class, GameCommand.class, AutoComplete.GenerateCompletion.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try 'marketsim run jeo-baseline'");
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("gui")) {
            System.setProperty("java.awt.headless", "true"); // charts are drawn off screen
        }
        if (drawsCharts(args)) {
            Figures.warmUp(); // while the command line and the scenario are read, on the processor they leave idle
        }
        StandardOutput stdout = StandardOutput.install();
        int code = commandLine().execute(args);
        System.exit(stdout.exitCode(code, System.err));
    }

    /** The commands that draw charts (unless --no-charts): their drawing code is warmed from the start. */
    private static final Set<String> DRAWING = Set.of("run", "compare", "sweep", "merge", "calibrate", "optimize",
            "audit", "validate", "chart", "report");

    /**
     * Whether the command line asks for charts: a drawing command without --no-charts, and not one shard of a sweep
     * (which draws none). Read before the command line is parsed, so a guess; it decides only a warm-up.
     */
    static boolean drawsCharts(String[] args) {
        List<String> all = Arrays.asList(args);
        return args.length > 0 && DRAWING.contains(args[0]) && !all.contains("--no-charts") && !all.contains("--shard");
    }

    /**
     * Standard output, watched: {@link PrintStream} swallows write errors, so a table printed to a
     * full disk ({@code > /dev/full}) ended with exit 0 and nothing written. A reader that went away
     * ({@code | head -1}, "Broken pipe") is not an error of the command: it ends as it would have.
     */
    static final class StandardOutput extends FilterOutputStream {
        private static final String BROKEN_PIPE = "Broken pipe";
        private IOException failure;

        private StandardOutput(OutputStream out) {
            super(out);
        }

        /** Makes {@code System.out} write through a new watch, in the encoding it had. */
        static StandardOutput install() {
            StandardOutput watch = new StandardOutput(new FileOutputStream(FileDescriptor.out));
            String encoding = System.getProperty("sun.stdout.encoding", System.getProperty("native.encoding",
                    java.nio.charset.Charset.defaultCharset().name()));
            System.setOut(new PrintStream(new BufferedOutputStream(watch), true, java.nio.charset.Charset.forName(encoding)));
            return watch;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private IOException failed(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }

        /** The command's exit code, or 2 with a message when what it printed could not be written. */
        int exitCode(int code, PrintStream err) {
            System.out.flush();
            if (failure == null || String.valueOf(failure.getMessage()).contains(BROKEN_PIPE)) {
                return code;
            }
            err.println("marketsim: cannot write to standard output: " + OsReason.of(failure).describe(null));
            return code == 0 ? CommandLine.ExitCode.USAGE : code;
        }
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = configure(new CommandLine(new Main()));
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cli;
    }

    /** Error handling and argument conversion shared by every command (and by tests' stand-in commands). */
    static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.registerConverter(Path.class, Main::path);
        cli.setExecutionStrategy(Main::execute);
        return cli;
    }

    /**
     * Runs the command; an Error picocli would let through to a stack trace (no memory, no thread
     * to be had) is handed to {@link #handle} as an exception, to be told as a message.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        Provenance.recordCommandLine(parsed.originalArgs()); // every manifest names the command that made it
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError | StackOverflowError e) {
            CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
            throw new CommandLine.ExecutionException(last, String.valueOf(e.getMessage()), new OutOfResources(e));
        }
    }

    /** A command that ran out of memory or threads. */
    private static final class OutOfResources extends Exception {
        private static final long serialVersionUID = 1L;

        OutOfResources(VirtualMachineError cause) {
            super(cause);
        }
    }

    /** A path argument (--out, --targets, a folder): a name no file can have is a usage error saying why. */
    private static Path path(String text) {
        try {
            return InputFiles.path(text);
        } catch (InputException e) {
            throw new CommandLine.TypeConversionException("'" + InputException.printable(text) + "' is "
                    + e.problems().get(0).message());
        }
    }

    /** A bad flag or argument: the message and where to read more, not the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("marketsim: " + InputException.printable(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        return CommandLine.ExitCode.USAGE;
    }

    /**
     * Scenario and input errors, and files that cannot be read or written (a full disk, a folder without
     * permission): a clear message and exit 2; anything else, a failure of the run itself: a message and exit 1.
     */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InputException || e instanceof BadInputException) { // a scenario or targets file
            err.println(InputException.printable(e.getMessage()));
            return CommandLine.ExitCode.USAGE;
        }
        IOException io = OsReason.cause(e);
        if (io != null) { // the commands name what they write; this is the net under them
            err.println("marketsim: cannot read or write a file: " + OsReason.of(io).describe(null));
            return CommandLine.ExitCode.USAGE;
        }
        Throwable cause = e;
        while (cause != null && !(cause instanceof VirtualMachineError)) {
            cause = cause.getCause(); // a worker's failure arrives wrapped: "replication 3 failed"
        }
        err.println("marketsim: the run failed: " + (cause instanceof VirtualMachineError error ? outOfResources(error)
                : e.toString()));
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** What ran out, and what to change. */
    private static String outOfResources(VirtualMachineError e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof OutOfMemoryError && what.contains("native thread")) {
            return "the system would not start another thread (" + what + "); run with fewer --threads, or raise the "
                    + "limit on processes per user (ulimit -u)";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + what + "); run with fewer --threads, fewer consumers or fewer ticks, or give "
                    + "Java more memory, e.g. MARKETSIM_JAVA_OPTS=-Xmx8g ./marketsim ...";
        }
        return "the Java virtual machine gave up (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                : ": " + e.getMessage()) + ")";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"marketsim " + Provenance.toolVersion() + " (build " + Provenance.build() + ")",
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
