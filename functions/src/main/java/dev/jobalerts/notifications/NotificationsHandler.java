package dev.jobalerts.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.SesNotifications;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.wiring.Services;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SES bounce and complaint events (configuration set → SNS topic → this function) → suppressed subscribers.
 * Hard bounces and complaints suppress the address; transient bounces and other event types change nothing
 * ({@link SesNotifications} decides). Suppressed subscribers get no further alerts: the matcher and the digest run
 * read the profile and mail only active subscribers. Unknown addresses and unreadable messages are logged and
 * skipped, never thrown; a DynamoDB fault fails the invocation so Lambda retries it (suppressing twice is harmless).
 */
public final class NotificationsHandler implements RequestHandler<SNSEvent, Map<String, Object>> {
    private final SubscriptionService subscriptions;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public NotificationsHandler() {
        this(Services.fromEnvironment(System.getenv()));
    }

    private NotificationsHandler(Services services) {
        this.subscriptions = services.subscriptions();
        this.priming = NotificationsPriming.register(services, subscriptions);
    }

    public NotificationsHandler(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.priming = null;
    }

    @Override
    public Map<String, Object> handleRequest(SNSEvent event, Context context) {
        Log.invocation(context);
        List<SNSEvent.SNSRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        int suppressed = 0, unknown = 0;
        for (SNSEvent.SNSRecord record : records) {
            String message = record == null || record.getSNS() == null ? null : record.getSNS().getMessage();
            String messageId = record == null || record.getSNS() == null ? null : record.getSNS().getMessageId();
            for (String address : SesNotifications.addressesToSuppress(message)) {
                if (subscriptions.suppress(address)) {
                    suppressed++;
                    Log.info("address suppressed", "snsMessageId", messageId);
                } else {
                    unknown++;
                    Log.info("suppression for unknown address ignored", "snsMessageId", messageId);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("records", records.size());
        result.put("suppressed", suppressed);
        result.put("unknownAddresses", unknown);
        return result;
    }
}
