package dev.jobalerts.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.jobalerts.log.Log;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.wiring.Services;
import java.util.Map;

/**
 * SES bounce and complaint events (configuration set → SNS topic → this function) → suppressed subscribers.
 * Hard bounces and complaints suppress the address; transient bounces and other event types change nothing
 * (see {@link BounceSuppression}). Suppressed subscribers get no further alerts: the matcher and the digest run
 * read the profile and mail only active subscribers. Unknown addresses and unreadable messages are logged and
 * skipped, never thrown; a DynamoDB fault fails the invocation so Lambda retries it (suppressing twice is harmless).
 */
public final class NotificationsHandler implements RequestHandler<SNSEvent, Map<String, Object>> {
    private final BounceSuppression suppression;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public NotificationsHandler() {
        this(Services.fromEnvironment(System.getenv()));
    }

    private NotificationsHandler(Services services) {
        this.suppression = new BounceSuppression(services.subscriptions());
        this.priming = NotificationsPriming.register(services, services.subscriptions());
    }

    public NotificationsHandler(SubscriptionService subscriptions) {
        this.suppression = new BounceSuppression(subscriptions);
        this.priming = null;
    }

    @Override
    public Map<String, Object> handleRequest(SNSEvent event, Context context) {
        Log.invocation(context);
        return suppression.apply(event).counts();
    }
}
