package dev.jobalerts.notifications;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.SesNotifications;
import dev.jobalerts.subscribe.SubscriptionService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SES event messages delivered by SNS → suppressed subscribers. Which events suppress an address is
 * {@link SesNotifications}' decision; an unreadable message or an address nobody has is logged and skipped. A DynamoDB
 * fault is thrown, so the invocation fails and SNS retries it (suppressing twice is harmless).
 */
final class BounceSuppression {
    private final SubscriptionService subscriptions;

    BounceSuppression(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** What one batch of messages did. */
    record Summary(int records, int suppressed, int unknownAddresses) {
        Map<String, Object> counts() {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("records", records);
            counts.put("suppressed", suppressed);
            counts.put("unknownAddresses", unknownAddresses);
            return counts;
        }
    }

    Summary apply(SNSEvent event) {
        List<SNSEvent.SNSRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        int suppressed = 0, unknown = 0;
        for (SNSEvent.SNSRecord record : records) {
            SNSEvent.SNS message = record == null ? null : record.getSNS();
            String messageId = message == null ? null : message.getMessageId();
            for (String address : SesNotifications.addressesToSuppress(message == null ? null : message.getMessage())) {
                if (subscriptions.suppress(address)) {
                    suppressed++;
                    Log.info("address suppressed", "snsMessageId", messageId);
                } else {
                    unknown++;
                    Log.info("suppression for unknown address ignored", "snsMessageId", messageId);
                }
            }
        }
        return new Summary(records.size(), suppressed, unknown);
    }
}
