package io.liquidlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per second of the benchmark threads' own CPU time ({@code -prof
 * io.liquidlens.bench.CpuTimeProfiler}). On a machine shared with other work the wall clock counts the time
 * a thread waits for a core; its CPU time does not, so this figure is the steadier one to set beside the C and
 * ncps references, which print the same. Compiler and GC threads are not counted.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long start;

    @Override
    public String getDescription() {
        return "operations per CPU second of the JMH worker threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        start = workerCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                       IterationResult result) {
        double seconds = (workerCpuNanos() - start) * 1e-9;
        double ops = result.getMetadata().getMeasuredOps();
        return List.of(new ScalarResult("cpu", seconds > 0 ? ops / seconds : Double.NaN, "ops/cpu-s",
                AggregationPolicy.AVG));
    }

    private long workerCpuNanos() {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("jmh-worker")) {
                long cpu = threads.getThreadCpuTime(t.getThreadId());
                if (cpu > 0) {
                    sum += cpu;
                }
            }
        }
        return sum;
    }
}
