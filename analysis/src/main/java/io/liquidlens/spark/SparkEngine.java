package io.liquidlens.spark;

import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.WorkEngine;
import java.io.Serializable;
import java.util.BitSet;
import java.util.List;
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
 * unless the configuration says otherwise), on a local master too.
 */
public final class SparkEngine implements WorkEngine, AutoCloseable {
    private static final String LOG_CONFIG = "io/liquidlens/spark/log4j2-report.properties";
    private static final int DEFAULT_ATTEMPTS = 4;
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|[1-9][0-9]*)])?");

    private final JavaSparkContext context;

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

    /** Stops the Spark context. */
    @Override
    public void close() {
        context.close();
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
