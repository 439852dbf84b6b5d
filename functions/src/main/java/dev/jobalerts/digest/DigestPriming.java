package dev.jobalerts.digest;

import dev.jobalerts.alert.AlertPriming;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.wiring.Services;
import java.util.Map;

/** The digest function's SnapStart priming (see {@link Priming}). */
final class DigestPriming {
    private DigestPriming() {}

    /** Hooks that prime a copy wired like {@code services}, and warm the function's own clients: a read that finds nothing, the send rate. */
    static Priming register(Services services, SesMailer ses) {
        return Priming.register("digest", services.environment(), DigestPriming::samples, () -> {
            services.subscribers().find(Priming.ABSENT_KEY);
            ses.sendRate();
        });
    }

    /** A run that finds no digest due, then one alert matched, sent and recorded. */
    private static Priming.Samples samples(Map<String, String> environment) {
        Services services = Services.fromEnvironment(environment);
        SesMailer ses = services.sesMailer();
        DigestHandler copy = new DigestHandler(services.digestRun(ses));
        var dispatcher = services.alertDispatcher(ses);
        return () -> {
            copy.handleRequest(Map.of(), PrimingContext.INSTANCE);
            AlertPriming.mailOneAlert(dispatcher);
        };
    }
}
