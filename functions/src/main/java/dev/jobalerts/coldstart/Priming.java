package dev.jobalerts.coldstart;

import dev.jobalerts.log.Log;
import java.util.Map;
import java.util.Objects;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function's SnapStart runtime hooks. Each handler's Lambda constructor registers one with its {@link Primer} and
 * its {@link Warmer}:
 * <ul>
 *   <li>before the snapshot, the primer wires a second copy of the function's services against a
 *       {@link PrimingEndpoint} and runs bundled sample invocations through it, so the first real invocation after a
 *       restore finds its classes loaded and initialised, its templates compiled and its hot paths compiled by the
 *       JIT; then the warmer makes one read that changes nothing with the function's own clients (a GetItem for a key
 *       no item has, the SES send rate), which resolves their endpoints, signers and credentials;</li>
 *   <li>after a restore, {@link Restores} moves on, so randomness, pacing and credentials are made afresh in each
 *       restored copy, and the warmer runs again: the restored copy opens its connections, reads its own
 *       credentials and the account's send rate before its first event rather than during it.</li>
 * </ul>
 *
 * <p>Lambda calls these hooks only for SnapStart functions (the runtime's CRaC context), so without SnapStart
 * nothing here runs. The runtime holds registered resources weakly: the handler keeps a reference to its Priming.
 */
public final class Priming implements Resource {
    /** Wires a copy of the function's services from {@code environment} and says how to run sample invocations through it. */
    @FunctionalInterface
    public interface Primer {
        Samples wire(Map<String, String> environment) throws Exception;
    }

    /** One round of sample invocations through the copy; closed when priming is done. */
    @FunctionalInterface
    public interface Samples extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /**
     * One read through the function's own clients that changes nothing. It reaches AWS (or the local services), so
     * it runs only around a snapshot, never in a constructor.
     */
    @FunctionalInterface
    public interface Warmer {
        void warm() throws Exception;
    }

    /**
     * Rounds of sample invocations: one loads and initialises the classes, but the JIT compiles a method only after a
     * couple of hundred calls, and a first invocation that meets interpreted code is still slow. The rounds take a few
     * seconds before the snapshot, where nobody waits for them.
     */
    static final int ROUNDS = 250;

    /** A key no item has, for the warmers' reads. */
    public static final String ABSENT_KEY = "priming#absent";

    /** What one priming did: AWS calls answered and time taken, or why it could not run. */
    public record Report(boolean primed, int awsCalls, long millis, String failure) {}

    private final String function;
    private final Map<String, String> environment;
    private final Primer primer;
    private final Warmer warmer;

    private Priming(String function, Map<String, String> environment, Primer primer, Warmer warmer) {
        this.function = Objects.requireNonNull(function, "function");
        this.environment = Map.copyOf(environment);
        this.primer = Objects.requireNonNull(primer, "primer");
        this.warmer = Objects.requireNonNull(warmer, "warmer");
    }

    /** Registers the function's hooks with the runtime's checkpoint coordination (a no-op where there is none). */
    public static Priming register(String function, Map<String, String> environment, Primer primer, Warmer warmer) {
        Priming priming = new Priming(function, environment, primer, warmer);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
        warm("before the snapshot");
        // What priming allocated is garbage now: collected here, it is neither in the snapshot nor in the way of the
        // first invocation (whose allocations would otherwise start by collecting it).
        System.gc();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Restores.restored();
        Entropy.reseed();
        long start = System.nanoTime();
        boolean warmed = warm("after a restore");
        Log.info("restored from snapshot", "function", function, "restores", Restores.generation(), "warmed", warmed,
                "millis", (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs the warmer; a failure (no network, no permission) is reported, and the first invocation pays instead. */
    private boolean warm(String when) {
        try {
            warmer.warm();
            return true;
        } catch (Exception e) {
            Log.warn("warming the function's clients failed " + when, "function", function, "error", e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Primes now. Never throws: a snapshot taken without priming is slower, not wrong, so a primer that fails is
     * reported and the snapshot goes ahead. The sample invocations log nothing (their lines would reach CloudWatch
     * Logs and their metrics CloudWatch Metrics as if they were real).
     */
    public Report prime() {
        long start = System.nanoTime();
        Report report;
        try (PrimingEndpoint endpoint = PrimingEndpoint.start()) {
            Map<String, String> primingEnvironment = PrimingEnvironment.of(environment, endpoint.url());
            Log.silently(() -> {
                try (Samples samples = primer.wire(primingEnvironment)) {
                    for (int round = 0; round < ROUNDS; round++) samples.run();
                }
            });
            report = new Report(true, endpoint.calls(), (System.nanoTime() - start) / 1_000_000, null);
        } catch (Exception | LinkageError e) {
            report = new Report(false, 0, (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (report.primed()) Log.info("primed", "function", function, "awsCalls", report.awsCalls(), "millis", report.millis());
        else Log.warn("priming failed; the snapshot is taken unprimed", "function", function, "error", report.failure());
        return report;
    }
}
