package dev.jobalerts.snapstart;

import dev.jobalerts.log.Log;
import java.util.Map;
import java.util.Objects;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function's SnapStart runtime hooks. Each handler's Lambda constructor registers one with its {@link Primer}:
 * before the snapshot, the primer wires a second copy of the function's services against a {@link PrimingEndpoint}
 * and runs bundled sample invocations through it, so the first real invocation after a restore finds its classes
 * loaded and initialised, its templates compiled and its hot paths compiled by the JIT. After a restore,
 * {@link Restores} moves on so that randomness and pacing are made afresh in each restored copy.
 *
 * <p>Lambda calls these hooks only for SnapStart functions (the runtime's CRaC context), so without SnapStart
 * nothing here runs. The runtime holds registered resources weakly: the handler keeps a reference to its Priming.
 */
public final class Priming implements Resource {
    /** Runs sample invocations through services wired from {@code environment}. */
    @FunctionalInterface
    public interface Primer {
        void prime(Map<String, String> environment) throws Exception;
    }

    /** What one priming did: AWS calls answered and time taken, or why it could not run. */
    public record Report(boolean primed, int awsCalls, long millis, String failure) {}

    private final String function;
    private final Map<String, String> environment;
    private final Primer primer;

    private Priming(String function, Map<String, String> environment, Primer primer) {
        this.function = Objects.requireNonNull(function, "function");
        this.environment = Map.copyOf(environment);
        this.primer = Objects.requireNonNull(primer, "primer");
    }

    /** Registers the function's hooks with the runtime's checkpoint coordination (a no-op where there is none). */
    public static Priming register(String function, Map<String, String> environment, Primer primer) {
        Priming priming = new Priming(function, environment, primer);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Restores.restored();
        Log.info("restored from snapshot", "function", function, "restores", Restores.generation());
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
            Log.silently(() -> primer.prime(primingEnvironment));
            report = new Report(true, endpoint.calls(), (System.nanoTime() - start) / 1_000_000, null);
        } catch (Exception | LinkageError e) {
            report = new Report(false, 0, (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (report.primed()) Log.info("primed", "function", function, "awsCalls", report.awsCalls(), "millis", report.millis());
        else Log.warn("priming failed; the snapshot is taken unprimed", "function", function, "error", report.failure());
        return report;
    }
}
