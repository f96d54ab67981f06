package io.liquidlens.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX application thread stays busy, so a test can say "this never froze the window
 * for more than 100 ms".
 *
 * <p>How: a daemon thread posts one {@link Platform#runLater} ping at a time and waits until the JavaFX thread
 * runs it; the ping's latency is how long the thread was busy with something else (an event handler, a
 * listener, a pulse's CSS, layout and snapshot work) before it got to it. The next ping is posted {@link #GAP}
 * after the last one ran, so a block of B ms is seen as a latency of at least B minus the gap. Pings run in the
 * order they were posted among the other runLater work and pulses, which is exactly the queue a mouse click
 * waits in. While a ping has waited longer than {@link #SAMPLE_AFTER}, the JavaFX thread's stack is sampled, so
 * a failing test says where the thread was stuck.
 *
 * <p>A watchdog measures windows: {@link #reset()} starts one, {@link #longest()} ends it with the longest
 * latency seen since (after waiting for a ping posted at its end, so a block still going on then is counted whole).
 */
public final class FxWatchdog implements AutoCloseable {
    /** The pause between a ping running and the next one being posted. */
    static final Duration GAP = Duration.ofMillis(2);
    /** How long a ping waits before the JavaFX thread's stack is sampled (and then again as long as it waits). */
    static final Duration SAMPLE_AFTER = Duration.ofMillis(40);
    /** How often a ping that still waits samples the stack again. */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(30);
    /** How many frames of a sampled stack a block keeps. */
    private static final int FRAMES = 14;
    /** A block keeps no more samples than fit in this (a frozen thread would give thousands). */
    private static final int MAX_STACKS_CHARS = 20_000;
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();

    private final Thread fxThread;
    private final Thread prober;
    private volatile boolean running = true;
    private final AtomicLong pings = new AtomicLong();
    private final Object lock = new Object();
    private Block longest = Block.NONE;
    /** When the latest recorded ping was posted (guarded by {@link #lock}), so a window can wait for a later one. */
    private long lastPosted = Long.MIN_VALUE;

    private FxWatchdog(Thread fxThread) {
        this.fxThread = fxThread;
        this.prober = new Thread(this::probe, "fx-watchdog");
        prober.setDaemon(true);
        prober.start();
    }

    /** Starts watching the JavaFX thread (the toolkit must be running); call from any thread but that one. */
    public static FxWatchdog start() throws Exception {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a watchdog on the JavaFX thread would wait for itself");
        }
        CompletableFuture<Thread> fx = new CompletableFuture<>();
        Platform.runLater(() -> fx.complete(Thread.currentThread()));
        return new FxWatchdog(fx.get(10, TimeUnit.SECONDS));
    }

    /** Starts a new window: the longest block seen so far is forgotten. */
    public void reset() throws Exception {
        settle();
        synchronized (lock) {
            longest = Block.NONE;
        }
    }

    /** The longest block since {@link #reset()} (or the start), once a ping posted now has run. */
    public Block longest() throws Exception {
        settle();
        synchronized (lock) {
            return longest;
        }
    }

    /** How many pings have run so far (a test checks that the watchdog was really watching). */
    public long pings() {
        return pings.get();
    }

    /** Runs {@code operation} in a fresh window and returns the longest block during it. */
    public Block during(ThrowingRunnable operation) throws Exception {
        reset();
        operation.run();
        return longest();
    }

    /**
     * Runs {@code operation} up to {@code attempts} times, each in a fresh window, and returns the shortest of
     * the runs' longest blocks; stops at the first run whose longest block is within {@code limit}. On a machine
     * shared with other builds a thread is sometimes not scheduled, or a collection pauses every thread, for a
     * while: that rarely happens twice in a row. Work that really holds the JavaFX thread holds it on every run,
     * so it is still reported.
     */
    public Block calmestOf(int attempts, Duration limit, ThrowingRunnable operation) throws Exception {
        Block calmest = null;
        for (int i = 0; i < attempts; i++) {
            Block b = during(operation);
            if (calmest == null || b.nanos() < calmest.nanos()) {
                calmest = b;
            }
            if (calmest.nanos() <= limit.toNanos()) {
                break;
            }
        }
        return calmest;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
        prober.interrupt();
        prober.join(2000);
    }

    /**
     * Waits until a ping posted from now on has run and been recorded, so whatever holds the JavaFX thread now
     * is counted whole (the ping in flight may have been posted before a block began, and none may be in flight).
     */
    private void settle() throws Exception {
        long now = System.nanoTime();
        long deadline = now + TimeUnit.SECONDS.toNanos(30);
        synchronized (lock) {
            while (lastPosted - now < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    throw new java.util.concurrent.TimeoutException("the JavaFX thread ran no ping for 30 s");
                }
                lock.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    private void probe() {
        while (running) {
            CompletableFuture<Long> ran = new CompletableFuture<>();
            long posted = System.nanoTime();
            Platform.runLater(() -> ran.complete(System.nanoTime()));
            long cpuBefore = cpu.getThreadCpuTime(fxThread.getId());
            StringBuilder stacks = new StringBuilder();
            try {
                long sampleAt = posted + SAMPLE_AFTER.toNanos();
                while (!ran.isDone()) {
                    long wait = Math.max(0, sampleAt - System.nanoTime());
                    try {
                        ran.get(wait, TimeUnit.NANOSECONDS);
                    } catch (java.util.concurrent.TimeoutException stillBusy) {
                        sample(stacks, System.nanoTime() - posted);
                        sampleAt = System.nanoTime() + SAMPLE_EVERY.toNanos();
                    }
                }
                long latency = ran.join() - posted;
                long fxCpu = cpu.getThreadCpuTime(fxThread.getId()) - cpuBefore;
                pings.incrementAndGet();
                record(posted, new Block(latency, fxCpu, stacks.toString()));
                Thread.sleep(GAP.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void record(long posted, Block block) {
        synchronized (lock) {
            if (block.nanos() > longest.nanos()) {
                longest = block;
            }
            lastPosted = posted;
            lock.notifyAll();
        }
    }

    /**
     * Appends where the JavaFX thread is after {@code elapsed} of the block; when it waits for the renderer to
     * finish the previous frame, where the renderer is too (the block is then drawing, not our code).
     */
    private void sample(StringBuilder stacks, long elapsed) {
        if (stacks.length() > MAX_STACKS_CHARS) {
            return;
        }
        StackTraceElement[] fx = fxThread.getStackTrace();
        stacks.append(String.format(Locale.ROOT, "%n  after %d ms, %s:", TimeUnit.NANOSECONDS.toMillis(elapsed),
                fxThread.getState())).append(frames(fx));
        if (fx.length > 0 && fx[0].getMethodName().contains("Rendering") || Arrays.stream(fx).limit(3)
                .anyMatch(f -> f.getClassName().endsWith("PaintCollector"))) {
            renderer().ifPresent(r -> stacks.append(String.format(Locale.ROOT, "%n  the renderer, %s:", r.getState()))
                    .append(frames(r.getStackTrace())));
        }
    }

    private static String frames(StackTraceElement[] stack) {
        return Arrays.stream(stack).limit(FRAMES).map(f -> "\n\tat " + f).collect(Collectors.joining());
    }

    /** JavaFX's render thread (Quantum's, one per toolkit). */
    private static java.util.Optional<Thread> renderer() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst();
    }

    /** An operation of a test that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * One stretch in which the JavaFX thread ran no ping.
     *
     * @param nanos how long the ping waited
     * @param cpuNanos the CPU time the JavaFX thread used meanwhile (much less than {@code nanos}: it slept, waited
     *     for the renderer, or was not scheduled)
     * @param stack where the JavaFX thread was, sampled while the ping waited (empty for a short block)
     */
    public record Block(long nanos, long cpuNanos, String stack) {
        static final Block NONE = new Block(0, 0, "");

        /** The block in whole milliseconds. */
        public long millis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        @Override
        public String toString() {
            return millis() + " ms (JavaFX thread CPU " + TimeUnit.NANOSECONDS.toMillis(cpuNanos) + " ms)"
                    + (stack.isEmpty() ? "" : ", where the JavaFX thread was:" + stack);
        }
    }
}
