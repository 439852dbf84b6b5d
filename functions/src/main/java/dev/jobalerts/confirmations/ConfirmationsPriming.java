package dev.jobalerts.confirmations;

import dev.jobalerts.alert.ConfirmationMailer;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.wiring.Services;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The confirmations function's SnapStart priming (see {@link Priming}). */
final class ConfirmationsPriming {
    private ConfirmationsPriming() {}

    /** Hooks that prime a copy wired like {@code services}, and warm the function's own clients: a read that finds nothing, the send rate. */
    static Priming register(Services services, SesMailer ses) {
        return Priming.register("confirmations", services.environment(), ConfirmationsPriming::samples, () -> {
            services.subscribers().find(Priming.ABSENT_KEY);
            ses.sendRate();
        });
    }

    /** A stream record for a pending search that is gone by now, then one confirmation rendered and sent. */
    private static Priming.Samples samples(Map<String, String> environment) {
        Services services = Services.fromEnvironment(environment);
        SesMailer ses = services.sesMailer();
        ConfirmationsHandler copy = new ConfirmationsHandler(services.pendingConfirmations(ses));
        ConfirmationMailer mailer = services.confirmationMailer(ses);
        var stored = StreamImages.event("INSERT",
                Map.of("subscriberId", AttributeValue.fromS("priming"), "itemId", AttributeValue.fromS("pending#priming")), null);
        SavedSearch search = SavedSearch.ofQuery("priming", "python AND (django OR flask)");
        return () -> {
            copy.handleRequest(stored, PrimingContext.INSTANCE);
            mailer.send("priming", "priming@example.com", search, "https://priming.invalid/subscriptions/confirm?token=priming");
        };
    }
}
