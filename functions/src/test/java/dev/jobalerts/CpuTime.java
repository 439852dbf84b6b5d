package dev.jobalerts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time the calling thread spends on some work: unlike the wall clock it does not grow while a shared machine runs
 * other work, so tests compare the costs of two pieces of work with it (how cost grows with input, one step against
 * another), never against a fixed bound.
 */
public final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {}

    /** The least CPU time, in nanoseconds, of {@code runs} runs of {@code work} on this thread. */
    public static long leastOf(int runs, Runnable work) {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        long least = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            work.run();
            least = Math.min(least, THREADS.getCurrentThreadCpuTime() - start);
        }
        return least;
    }
}
