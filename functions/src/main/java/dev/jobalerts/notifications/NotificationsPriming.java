package dev.jobalerts.notifications;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.wiring.Services;
import java.util.List;
import java.util.Map;

/** The notifications function's SnapStart priming (see {@link Priming}): a hard bounce for an address nobody has. */
final class NotificationsPriming {
    /** A hard bounce as SES event publishing sends it. */
    private static final String SAMPLE_BOUNCE = "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"priming@example.com\"}]},\"mail\":{\"destination\":[\"priming@example.com\"]}}";

    private NotificationsPriming() {}

    /** Hooks that prime a copy wired like {@code services}, and warm the function's own client with a read that finds nothing. */
    static Priming register(Services services, SubscriptionService subscriptions) {
        return Priming.register("notifications", services.environment(), NotificationsPriming::samples,
                () -> subscriptions.findByEmail("priming@example.invalid"));
    }

    private static Priming.Samples samples(Map<String, String> environment) {
        NotificationsHandler copy = new NotificationsHandler(Services.fromEnvironment(environment).subscriptions());
        SNSEvent.SNS message = new SNSEvent.SNS().withType("Notification").withMessageId("priming").withMessage(SAMPLE_BOUNCE);
        SNSEvent bounce = new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(message).withEventSource("aws:sns")));
        return () -> copy.handleRequest(bounce, PrimingContext.INSTANCE);
    }
}
