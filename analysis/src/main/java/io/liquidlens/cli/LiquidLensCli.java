package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.MemoryBudget;
import io.liquidlens.io.ModelFolder;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code liquidlens <command>}: the command line of LiquidLens. Exit codes: 0 success, 1 a problem with
 * the user's input (one line on stderr naming the file and the problem), 2 bad usage (one line naming the
 * option and its value; {@code --help} shows the usage). Whatever fails, the error is the last line on
 * stderr and no stack trace is shown (LIQUIDLENS_DEBUG=1 adds it).
 */
@Command(name = "liquidlens", mixinStandardHelpOptions = true, versionProvider = LiquidLensCli.Version.class,
        description = "Load, simulate and audit liquid neural networks (LTC, CfC, Neural Circuit Policies).",
        subcommands = {InfoCommand.class, SimulateCommand.class, GradCommand.class, SaliencyCommand.class,
                TrainCommand.class, RecordCommand.class, ImportCommand.class, ImportRolloutCommand.class,
                EvaluateCommand.class,
                TreeCommand.class, DynamicsCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class LiquidLensCli implements Runnable {
    /** Exit code for a problem with the user's input. */
    public static final int USER_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Lets model.json name weights outside its folder, for this run only (see FORMATS.md "weights"). */
    @CommandLine.Option(names = "--allow-outside-weights", scope = CommandLine.ScopeType.INHERIT,
            description = "Read a model's weights even when model.json names a file outside the model folder.")
    void allowOutsideWeights(boolean allow) {
        if (allow) {
            System.setProperty(ModelFolder.ALLOW_OUTSIDE_WEIGHTS, "true");
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: liquidlens --help)");
    }

    /** Entry point of {@code java -jar liquidlens.jar}. */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given streams and returns its exit code (for tests and embedding). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        LastWord stderr = new LastWord(err);
        CommandLine cl = new CommandLine(new LiquidLensCli());
        cl.setOut(out);
        cl.setErr(stderr);
        cl.setParameterExceptionHandler(LiquidLensCli::badUsage);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String name = commandLine.getCommandSpec().qualifiedName();
            if (e instanceof BadOptionException) {
                stderr.last(name + ": " + oneLine(e) + " (see " + name + " --help)", e);
                return commandLine.getCommandSpec().exitCodeOnInvalidInput();
            }
            stderr.last(name + ": " + oneLine(e), e);
            return USER_ERROR;
        });
        String allowOutside = System.getProperty(ModelFolder.ALLOW_OUTSIDE_WEIGHTS);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands only Exceptions to the handler above; an Error (here or rethrown from a worker
            // thread of a parallel stream) ends up here and still gets its one line
            stderr.last(qualifiedName(cl, args) + ": " + oneLine(e), e);
            return USER_ERROR;
        } finally {
            restore(ModelFolder.ALLOW_OUTSIDE_WEIGHTS, allowOutside);
            out.flush();
            err.flush();
        }
    }

    /**
     * A bad option value or a missing option: one line naming it and where the usage is, exit 2. The usage
     * itself is for {@code --help}; dumped under an error it buries the line that matters.
     */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        String hint = cl.getParent() == null ? "" : " (see " + name + " --help)";
        ((LastWord) cl.getErr()).last(name + ": " + oneLine(e) + hint, e);
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** "liquidlens CMD" for the subcommand the arguments name, or "liquidlens" when there is none. */
    private static String qualifiedName(CommandLine cl, String[] args) {
        for (String a : args) {
            if (cl.getSubcommands().containsKey(a)) {
                return cl.getSubcommands().get(a).getCommandSpec().qualifiedName();
            }
        }
        return cl.getCommandSpec().qualifiedName();
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** The one line a user sees for a failure. */
    static String oneLine(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (outOfMemory(e)) {
            return "out of memory (Java may use " + MemoryBudget.maxHeap() / (1L << 20) + " MB); give smaller sizes"
                    + " or more memory with -Xmx (e.g. java -Xmx8g -jar liquidlens.jar ...)";
        }
        String msg;
        if (t instanceof LiquidLensException || t instanceof CommandLine.ParameterException) {
            msg = t.getMessage();
        } else if (t instanceof NoSuchFileException n) {
            msg = n.getFile() + ": no such file";
        } else if (t instanceof AccessDeniedException a) {
            msg = a.getFile() + ": permission denied";
        } else if (t instanceof CancellationException) {
            msg = "cancelled";
        } else if (t instanceof StackOverflowError) {
            msg = "the run nested too deeply (stack overflow); give smaller sizes or a larger stack with -Xss";
        } else {
            msg = "internal error: " + t + " (set LIQUIDLENS_DEBUG=1 for details, and please report it)";
        }
        return msg == null ? t.getClass().getSimpleName() : msg.replace('\n', ' ').replace('\r', ' ');
    }

    /** An OutOfMemoryError anywhere in the cause chain (executors and parallel streams wrap it). */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * stderr whose last line is the error: once the error is printed, progress lines that worker threads
     * still write are dropped, so the line that explains the exit code is the one the user sees last.
     */
    static final class LastWord extends PrintWriter {
        private volatile boolean closed;

        LastWord(PrintWriter err) {
            super(err, true);
        }

        /** Prints the error line (and with LIQUIDLENS_DEBUG the stack trace), then drops everything after it. */
        synchronized void last(String line, Throwable cause) {
            if (closed) {
                return;
            }
            super.println(line);
            if (System.getenv("LIQUIDLENS_DEBUG") != null) {
                cause.printStackTrace(this);
            }
            super.flush();
            closed = true;
        }

        @Override
        public void write(int c) {
            if (!closed) {
                super.write(c);
            }
        }

        @Override
        public void write(char[] buf, int off, int len) {
            if (!closed) {
                super.write(buf, off, len);
            }
        }

        @Override
        public void write(String s, int off, int len) {
            if (!closed) {
                super.write(s, off, len);
            }
        }

        @Override
        public void println() {
            if (!closed) {
                super.println();
            }
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LiquidLensCli.class.getPackage().getImplementationVersion();
            return new String[] {"liquidlens " + (v == null ? "dev" : v)};
        }
    }
}
