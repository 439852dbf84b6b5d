package dev.jobalerts.log;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.coldstart.Restores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invocation a log line belongs to: the function's name, the request id and whether it is a cold start, the first
 * invocation of the function in this process or in this copy restored from a snapshot.
 *
 * <p>A handler marks its thread when an invocation begins; the mark stays until that thread's next invocation, so a
 * handler needs no closing call. A line from another thread (the fetcher's HTTP callbacks) is given the latest
 * invocation while one thread makes them all, as Lambda's runtime does (one invocation at a time per process). The
 * local cloud invokes from many threads in one JVM; there such a line carries the environment's function name only,
 * never another invocation's request id.
 */
final class Invocations {
    /** What a line carries outside any invocation (initialisation, SnapStart hooks). */
    private static final Invocation NONE = new Invocation(System.getenv("AWS_LAMBDA_FUNCTION_NAME"), null, null);
    private static final ThreadLocal<Invocation> OWN = new ThreadLocal<>();
    /**
     * Per function name, the snapshot generation ({@link Restores}) whose first invocation has happened. Lambda runs
     * one function per process; the local cloud runs all of them in one, and each still has its own cold start.
     */
    private static final Map<String, Long> INVOKED_GENERATION = new ConcurrentHashMap<>();
    private static final String PRIMING_SUFFIX = " (priming)";
    private static Invocation latest;
    private static Thread invoker;
    private static boolean severalInvokers;

    private Invocations() {}

    /** One invocation's identity; {@code requestId} and {@code coldStart} are null outside an invocation. */
    record Invocation(String functionName, String requestId, Boolean coldStart) {
        Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (functionName != null) fields.put("functionName", functionName);
            if (requestId != null) fields.put("requestId", requestId);
            if (coldStart != null) fields.put("coldStart", coldStart);
            return fields;
        }
    }

    /**
     * Marks the calling thread's lines with the invocation {@code context} describes (null in tests). Priming's sample
     * invocations (before a snapshot, on the runtime's hook thread) are not invocations anyone waits for: they write no
     * lines, leave the cold start unspent, and leave the hook thread's later lines ("primed") unmarked.
     */
    static void begin(Context context) {
        String name = NONE.functionName() != null ? NONE.functionName() : context == null ? null : context.getFunctionName();
        boolean priming = context instanceof PrimingContext;
        // Priming takes the same steps under a cold-start key of its own, so the first real invocation runs them
        // compiled without priming having spent its cold start.
        Invocation invocation = new Invocation(name, context == null ? null : context.getAwsRequestId(),
                coldStart(priming ? name + PRIMING_SUFFIX : name));
        if (priming) {
            invocation.fields();
            OWN.set(NONE);
            return;
        }
        OWN.set(invocation);
        madeBy(Thread.currentThread(), invocation);
    }

    static Invocation current() {
        Invocation own = OWN.get();
        if (own != null) return own;
        synchronized (Invocations.class) {
            return severalInvokers || latest == null ? NONE : latest;
        }
    }

    private static synchronized void madeBy(Thread thread, Invocation invocation) {
        latest = invocation;
        if (invoker == null) invoker = thread;
        else if (invoker != thread) severalInvokers = true;
    }

    private static boolean coldStart(String functionName) {
        long generation = Restores.generation();
        Long before = INVOKED_GENERATION.put(String.valueOf(functionName), generation);
        return before == null || before != generation;
    }
}
