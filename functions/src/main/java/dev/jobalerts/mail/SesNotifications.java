package dev.jobalerts.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns SES bounce and complaint notifications into the addresses we must stop mailing.
 *
 * <p>Accepts both SES formats: event publishing through a configuration set ({@code "eventType"}) and the older
 * identity notifications ({@code "notificationType"}). Hard ({@code Permanent}) bounces and every complaint
 * suppress; {@code Transient} bounces (mailbox full, greylisting) and {@code Undetermined} ones do not, since
 * the address may well work next time and SES itself retries those. Other event types (Send, Delivery, Open …)
 * suppress nothing.
 */
public final class SesNotifications {
    private SesNotifications() {}

    /**
     * The addresses to suppress, lower-cased, each once, in the order they appear.
     *
     * @param snsMessageJson the SNS record's {@code Message} string; for convenience the SNS envelope itself
     *                       ({@code {"Type":"Notification","Message":"…"}}) and a whole Lambda SNS event
     *                       ({@code {"Records":[…]}}) are accepted too
     * @return empty for anything else, including malformed JSON: a bad notification must not fail the batch
     */
    public static List<String> addressesToSuppress(String snsMessageJson) {
        Set<String> addresses = new LinkedHashSet<>();
        try {
            collect(parse(snsMessageJson), addresses, 0);
        } catch (RuntimeException e) {
            // Defensive: the contract is "never throws"; a half-read notification yields what was read.
        }
        return List.copyOf(addresses);
    }

    private static void collect(JsonNode node, Set<String> out, int depth) {
        if (node == null || !node.isObject() || depth > 3) return;
        JsonNode records = node.get("Records");
        if (records != null && records.isArray()) {
            for (JsonNode record : records) {
                JsonNode sns = record.has("Sns") ? record.get("Sns") : record.get("sns");
                if (sns != null) collect(sns, out, depth + 1);
            }
            return;
        }
        JsonNode message = node.get("Message");
        if (message != null && message.isTextual()) {
            collect(parse(message.asText()), out, depth + 1);
            return;
        }
        String type = text(node, "eventType");
        if (type.isEmpty()) type = text(node, "notificationType");
        switch (type) {
            case "Bounce" -> {
                JsonNode bounce = node.path("bounce");
                if (bounce.path("bounceType").asText().equals("Permanent"))
                    addRecipients(bounce.path("bouncedRecipients"), out);
            }
            case "Complaint" -> addRecipients(node.path("complaint").path("complainedRecipients"), out);
            default -> { }
        }
    }

    private static void addRecipients(JsonNode recipients, Set<String> out) {
        if (!recipients.isArray()) return;
        for (JsonNode recipient : recipients) {
            String address = bareAddress(recipient.path("emailAddress").asText(""));
            if (!address.isEmpty()) out.add(address);
        }
    }

    /**
     * SES reports the address as the recipient wrote it, sometimes with a display name ({@code "Ada" <ada@x>}).
     * Lower-cased so one suppression covers every spelling; over-suppressing a case variant is the safe side.
     */
    static String bareAddress(String raw) {
        String address = raw.strip();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) address = address.substring(open + 1, close).strip();
        return address.indexOf('@') > 0 ? address.toLowerCase(Locale.ROOT) : "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
