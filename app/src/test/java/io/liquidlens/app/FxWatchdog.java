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
 * <p>On a machine shared with other builds, a thread that is ready to run may wait for a free core for a long
 * time; so does the render thread a pulse waits for. That is not the workbench blocking its thread, so each block
 * also carries how long its threads stood in a run queue (Linux's schedstat, see {@link RunQueueClock}), and
 * {@link Block#ownNanos()} is the block without it. A sleep, a lock, a long computation or a slow frame stay in
 * it whole.
 *
 * <p>A watchdog measures windows: {@link #reset()} starts one, {@link #longest()} ends it with the longest
 * own time seen since (after waiting for a ping posted at its end, so a block still going on then is counted whole).
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
    /** The thread that draws the frames the JavaFX thread hands over; a pulse waits for the previous one. */
    private final Thread renderer;
    private final Thread prober;
    private volatile boolean running = true;
    private final AtomicLong pings = new AtomicLong();
    private final Object lock = new Object();
    private Block longest = Block.NONE;
    /** When the latest recorded ping was posted (guarded by {@link #lock}), so a window can wait for a later one. */
    private long lastPosted;
    private boolean recordedAny;
    private final RunQueueClock fxQueue;
    private final RunQueueClock rendererQueue;

    private FxWatchdog(Thread fxThread, RunQueueClock fxQueue) {
        this.fxThread = fxThread;
        this.fxQueue = fxQueue;
        this.renderer = findRenderer();
        this.rendererQueue = renderer == null ? RunQueueClock.NONE : RunQueueClock.ofThreadNamed(renderer.getName());
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
        CompletableFuture<RunQueueClock> fxQueue = new CompletableFuture<>();
        Platform.runLater(() -> {
            fxQueue.complete(RunQueueClock.ofCurrentThread());
            fx.complete(Thread.currentThread());
        });
        return new FxWatchdog(fx.get(10, TimeUnit.SECONDS), fxQueue.get(10, TimeUnit.SECONDS));
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
     * the runs' longest blocks (by own time); stops at the first run whose longest block is within {@code limit}.
     * A collection that pauses every thread, or a burst of load the run queues do not show, rarely happens twice
     * in a row; work that really holds the JavaFX thread holds it on every run, so it is still reported.
     */
    public Block calmestOf(int attempts, Duration limit, ThrowingRunnable operation) throws Exception {
        Block calmest = null;
        for (int i = 0; i < attempts; i++) {
            Block b = during(operation);
            if (calmest == null || b.ownNanos() < calmest.ownNanos()) {
                calmest = b;
            }
            if (calmest.ownNanos() <= limit.toNanos()) {
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
            while (!recordedAny || lastPosted - now < 0) {
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
            long renderBefore = rendererCpu();
            long fxQueued = fxQueue.waitedNanos();
            long rendererQueued = rendererQueue.waitedNanos();
            StringBuilder stacks = new StringBuilder();
            int[] samples = new int[2];
            try {
                long sampleAt = posted + SAMPLE_AFTER.toNanos();
                while (!ran.isDone()) {
                    long wait = Math.max(0, sampleAt - System.nanoTime());
                    try {
                        ran.get(wait, TimeUnit.NANOSECONDS);
                    } catch (java.util.concurrent.TimeoutException stillBusy) {
                        samples[0]++;
                        if (sample(stacks, System.nanoTime() - posted)) {
                            samples[1]++;
                        }
                        sampleAt = System.nanoTime() + SAMPLE_EVERY.toNanos();
                    }
                }
                long latency = ran.join() - posted;
                long fxCpu = cpu.getThreadCpuTime(fxThread.getId()) - cpuBefore;
                long renderCpu = rendererCpu() - renderBefore;
                // the renderer's queueing held the JavaFX thread only while it waited for a frame to be drawn
                double waitingForFrames = samples[0] == 0 ? 0 : samples[1] / (double) samples[0];
                long queued = Math.max(0, fxQueue.waitedNanos() - fxQueued)
                        + (long) (waitingForFrames * Math.max(0, rendererQueue.waitedNanos() - rendererQueued));
                pings.incrementAndGet();
                record(posted, new Block(latency, fxCpu, renderCpu, queued, stacks.toString()));
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
            if (block.ownNanos() > longest.ownNanos()) {
                longest = block;
            }
            lastPosted = posted;
            recordedAny = true;
            lock.notifyAll();
        }
    }

    /**
     * Appends where the JavaFX thread is after {@code elapsed} of the block; when it waits for the renderer to
     * finish the previous frame, where the renderer is too (the block is then drawing, not our code).
     */
    private boolean sample(StringBuilder stacks, long elapsed) {
        StackTraceElement[] fx = fxThread.getStackTrace();
        boolean waitsForFrame = Arrays.stream(fx).limit(FRAMES)
                .anyMatch(f -> f.getMethodName().equals("waitForRenderingToComplete"));
        if (stacks.length() > MAX_STACKS_CHARS) {
            return waitsForFrame;
        }
        stacks.append(String.format(Locale.ROOT, "%n  after %d ms:", TimeUnit.NANOSECONDS.toMillis(elapsed)))
                .append(frames(fx));
        if (renderer != null && waitsForFrame) {
            stacks.append("\n  the renderer:").append(frames(renderer.getStackTrace()));
        }
        return waitsForFrame;
    }

    private static String frames(StackTraceElement[] stack) {
        return Arrays.stream(stack).limit(FRAMES).map(f -> "\n\tat " + f).collect(Collectors.joining());
    }

    /** JavaFX's render thread (Quantum's, one per toolkit), or null if it has another name in this version. */
    private static Thread findRenderer() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().orElse(null);
    }

    private long rendererCpu() {
        return renderer == null ? 0 : Math.max(0, cpu.getThreadCpuTime(renderer.getId()));
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
     * @param renderCpuNanos the CPU time the render thread used meanwhile (drawing the frames a pulse waits for)
     * @param queuedNanos how long the JavaFX thread (and the renderer, while the JavaFX thread waited for a frame)
     *     stood ready to run with no free core: the machine's doing, not ours (0 where Linux does not say)
     * @param stack where the JavaFX thread was, sampled while the ping waited (empty for a short block)
     */
    public record Block(long nanos, long cpuNanos, long renderCpuNanos, long queuedNanos, String stack) {
        static final Block NONE = new Block(0, 0, 0, 0, "");

        /**
         * The block without the time its threads stood in a run queue: what the workbench itself held the JavaFX
         * thread for (computing, sleeping, waiting for a lock or for the renderer to draw). Never less than the
         * CPU the JavaFX thread used in it.
         */
        public long ownNanos() {
            return Math.max(cpuNanos, nanos - queuedNanos);
        }

        /** {@link #ownNanos()} in whole milliseconds. */
        public long ownMillis() {
            return TimeUnit.NANOSECONDS.toMillis(ownNanos());
        }

        /** The block in whole milliseconds. */
        public long millis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        @Override
        public String toString() {
            return ownMillis() + " ms (" + millis() + " ms less " + TimeUnit.NANOSECONDS.toMillis(queuedNanos)
                    + " ms waiting for a core; CPU: JavaFX thread " + TimeUnit.NANOSECONDS.toMillis(cpuNanos)
                    + " ms, renderer " + TimeUnit.NANOSECONDS.toMillis(renderCpuNanos) + " ms)"
                    + (stack.isEmpty() ? "" : ", where the JavaFX thread was:" + stack);
        }
    }
}
