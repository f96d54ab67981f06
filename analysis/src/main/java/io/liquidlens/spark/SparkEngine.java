package io.liquidlens.spark;

import io.liquidlens.Limits;
import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.WorkEngine;
import io.liquidlens.causal.WorkInputs;
import io.liquidlens.io.ScratchFolder;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Work units as Spark tasks, one task per unit, on the master given ({@code local[N]}, {@code spark://host:port},
 * {@code yarn}, {@code k8s://...}). A failed task is run again up to {@code spark.task.maxFailures} times (4
 * unless the configuration says otherwise), on a local master too. The tasks read the report's inputs at the
 * driver's paths, from Hadoop URIs the driver copied too ({@link #staged()}), or as sent with the job
 * ({@link #shipping()}); the driver's copies go when the engine closes.
 */
public final class SparkEngine implements WorkEngine, AutoCloseable {
    private static final String LOG_CONFIG = "io/liquidlens/spark/log4j2-report.properties";
    private static final int DEFAULT_ATTEMPTS = 4;
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|[1-9][0-9]*)])?");

    private final JavaSparkContext context;
    /** The driver's copies of this run's inputs, made when first needed. */
    private ScratchFolder scratch;
    private StagedInputs staged;
    private Shipment shipment;

    private SparkEngine(JavaSparkContext context) {
        this.context = context;
    }

    /**
     * Starts a Spark context on {@code master} (Spark's own settings, e.g. from spark-submit, apply too).
     *
     * @throws LiquidLensException naming {@code --spark} when Spark cannot start on that master
     */
    public static SparkEngine start(String master) {
        // Spark logs every step of its start at INFO on stderr, where the report's progress goes; a cluster's own
        // log configuration, when spark-submit gives one, wins
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
        SparkConf conf = new SparkConf().setAppName("liquidlens report");
        int attempts = conf.getInt("spark.task.maxFailures", DEFAULT_ATTEMPTS);
        conf.setMaster(withRetries(master, attempts));
        conf.setIfMissing("spark.ui.enabled", "false");
        if (isLocal(master)) {
            // a local master needs no network: bound to the loopback, it starts on machines whose host name does
            // not resolve (CI containers); Spark still warns when the host name resolves to a loopback address
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1");
        }
        try {
            return new SparkEngine(new JavaSparkContext(conf));
        } catch (Exception e) {
            throw new LiquidLensException("--spark " + master + ": Spark did not start: " + firstLine(e), e);
        }
    }

    /**
     * {@code master} with {@code attempts} tries per task when it is a local master: Spark's local scheduler
     * tries a task once and ignores spark.task.maxFailures unless the master says {@code local[N,F]}.
     */
    static String withRetries(String master, int attempts) {
        Matcher m = LOCAL.matcher(master.strip());
        if (!m.matches()) {
            return master;
        }
        String threads = m.group(1) == null ? "1" : m.group(1);
        return "local[" + threads + "," + attempts + "]";
    }

    static boolean isLocal(String master) {
        return LOCAL.matcher(master.strip()).matches() || master.strip().startsWith("local[");
    }

    /** The driver's copies of inputs named by Hadoop URIs, read with this context's Hadoop configuration. */
    public StagedInputs staged() {
        if (staged == null) {
            staged = new StagedInputs(context.hadoopConfiguration(), this::scratch, Limits.STAGED_BYTES);
        }
        return staged;
    }

    /** {@code message} naming the URIs of the driver's copies instead of the copies, so a problem names the input. */
    public String named(String message) {
        return staged == null ? message : staged.named(message);
    }

    /**
     * This engine sending the inputs with the job ({@code report --ship}), so that executors need no file system in
     * common with the driver: the same tasks, with {@link #inputs} that sends the files first.
     */
    public WorkEngine shipping() {
        return new WorkEngine() {
            @Override
            public <U extends Serializable, R extends Serializable> List<R> map(List<U> units, Work<U, R> work,
                                                                                IntConsumer finished) {
                return SparkEngine.this.map(units, work, finished);
            }

            @Override
            public WorkInputs inputs(Map<Path, String> files) {
                if (shipment == null) {
                    shipment = new Shipment(scratch(), Limits.SHIPPED_BYTES, context::addFile);
                }
                shipment.send(files);
                return new ExecutorInputs(true, Limits.STAGED_BYTES);
            }
        };
    }

    /** Tasks read paths where they lie and copy what Hadoop URIs name, once per executor. */
    @Override
    public WorkInputs inputs(Map<Path, String> files) {
        return new ExecutorInputs(false, Limits.STAGED_BYTES);
    }

    private ScratchFolder scratch() {
        if (scratch == null) {
            scratch = ScratchFolder.create("driver-inputs");
        }
        return scratch;
    }

    @Override
    public <U extends Serializable, R extends Serializable> List<R> map(List<U> units, Work<U, R> work,
                                                                        IntConsumer finished) {
        if (units.isEmpty()) {
            return List.of();
        }
        UnitsDone done = new UnitsDone(units.size(), finished);
        context.sc().addSparkListener(done);
        try {
            return context.parallelize(units, units.size()).map(u -> work.apply(u)).collect();
        } catch (Exception e) {
            if (e instanceof SparkException) {
                throw new LiquidLensException("a work unit failed on Spark after its retries: " + firstLine(e), e);
            }
            throw e;
        } finally {
            context.sc().removeSparkListener(done);
        }
    }

    /** Stops the Spark context and removes the driver's copies (and, in local mode, the executor's). */
    @Override
    public void close() {
        try {
            context.close();
        } finally {
            if (scratch != null) {
                scratch.close();
            }
            ExecutorCopies.forget();
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * Tells the engine's caller of each unit once its task has succeeded (a task index is its unit's index, one
     * unit per partition); a unit whose task ran twice is told once.
     */
    private static final class UnitsDone extends SparkListener {
        private final BitSet told;
        private final IntConsumer finished;

        UnitsDone(int units, IntConsumer finished) {
            this.told = new BitSet(units);
            this.finished = finished;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (!end.taskInfo().successful()) {
                return;
            }
            int unit = end.taskInfo().index();
            synchronized (told) {
                if (told.get(unit)) {
                    return;
                }
                told.set(unit);
            }
            finished.accept(unit);
        }
    }
}
