package io.liquidlens.cli;

import io.liquidlens.LiquidLensException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code liquidlens <command>}: the command line of LiquidLens. Exit codes: 0 success, 1 a problem with
 * the user's input (one line on stderr naming the file and the problem), 2 bad usage.
 */
@Command(name = "liquidlens", mixinStandardHelpOptions = true, versionProvider = LiquidLensCli.Version.class,
        description = "Load, simulate and audit liquid neural networks (LTC, CfC, Neural Circuit Policies).",
        subcommands = {InfoCommand.class, SimulateCommand.class, GradCommand.class, SaliencyCommand.class,
                TrainCommand.class, RecordCommand.class, EvaluateCommand.class, TreeCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class LiquidLensCli implements Runnable {
    /** Exit code for a problem with the user's input. */
    public static final int USER_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        CommandLine cl = new CommandLine(new LiquidLensCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("liquidlens " + commandLine.getCommandName() + ": " + oneLine(e));
            if (System.getenv("LIQUIDLENS_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return USER_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The one line a user sees for a failure. */
    static String oneLine(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        String msg;
        if (t instanceof LiquidLensException) {
            msg = t.getMessage();
        } else if (t instanceof NoSuchFileException n) {
            msg = n.getFile() + ": no such file";
        } else if (t instanceof AccessDeniedException a) {
            msg = a.getFile() + ": permission denied";
        } else if (t instanceof CancellationException) {
            msg = "cancelled";
        } else if (t instanceof OutOfMemoryError) {
            msg = "out of memory; give Java more with -Xmx (e.g. java -Xmx8g -jar liquidlens.jar ...)";
        } else {
            msg = "internal error: " + t + " (set LIQUIDLENS_DEBUG=1 for details, and please report it)";
        }
        return msg == null ? t.getClass().getSimpleName() : msg.replace('\n', ' ').replace('\r', ' ');
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
