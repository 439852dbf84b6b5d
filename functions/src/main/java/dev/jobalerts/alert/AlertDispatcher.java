package dev.jobalerts.alert;

import dev.jobalerts.dedupe.JobView;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.AlertEmail;
import dev.jobalerts.mail.AlertItem;
import dev.jobalerts.mail.AlertSection;
import dev.jobalerts.mail.AlsoOn;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one email for a subscriber's claimed deliveries and settles them in the ledger: sent after SES accepts
 * the message, rejected when SES refuses the address for good, and left claimed when sending was throttled or
 * failed, so the pending sweep retries them once their lease runs out. Used by the matcher (instant alerts) and
 * the digest run alike.
 */
public final class AlertDispatcher {
    private final DeliveryStore deliveries;
    private final TokenService tokens;
    private final EmailRenderer renderer;
    private final Mailer mailer;
    private final AlertSettings settings;
    private final Clock clock;

    public AlertDispatcher(DeliveryStore deliveries, TokenService tokens, EmailRenderer renderer, Mailer mailer,
                           AlertSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.tokens = tokens;
        this.renderer = renderer;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A claimed delivery, ready to be mailed: the job (its ledger key is its first copy's id), the posting to show with
     * the other boards carrying it, and why it matched.
     */
    public record Claimed(String jobId, Posting posting, List<AlsoOn> alsoOn, String searchId, String searchLabel, List<String> matchedTerms) {
        public Claimed {
            alsoOn = alsoOn == null ? List.of() : List.copyOf(alsoOn);
        }

        /** A job as {@code view} shows it: its first copy filled in from the copies found so far, and where else it is. */
        public static Claimed of(String jobId, JobView view, String searchId, String searchLabel, List<String> matchedTerms) {
            List<AlsoOn> alsoOn = view.alsoOn().stream().map(copy -> new AlsoOn(copy.sourceName(), copy.url())).toList();
            return new Claimed(jobId, view.shown(), alsoOn, searchId, searchLabel, matchedTerms);
        }
    }

    /** How one email went. */
    public enum Result { SENT, DEFERRED, REJECTED }

    public Result send(Subscriber subscriber, List<Claimed> claimed, Instant deadline) {
        if (claimed.isEmpty()) return Result.SENT;
        OutgoingEmail email = renderer.alert(compose(subscriber, claimed));
        SendOutcome outcome = mailer.send(email, deadline);
        List<String> postingIds = claimed.stream().map(Claimed::jobId).toList();
        Instant now = Instant.now(clock);
        if (outcome instanceof SendOutcome.Sent sent) {
            deliveries.markSent(subscriber.subscriberId(), postingIds, sent.messageId(), now);
            Log.info("alert sent", "subscriberId", subscriber.subscriberId(), "postingIds", postingIds, "messageId", sent.messageId());
            return Result.SENT;
        }
        if (outcome instanceof SendOutcome.Rejected rejected) {
            deliveries.markRejected(subscriber.subscriberId(), postingIds, rejected.reason(), now);
            Log.warn("alert rejected", "subscriberId", subscriber.subscriberId(), "reason", rejected.reason());
            return Result.REJECTED;
        }
        // Throttled or a transient failure: the entries stay claimed and the pending sweep retries after the lease.
        Log.warn("alert deferred", "subscriberId", subscriber.subscriberId(), "outcome", outcome.toString());
        return Result.DEFERRED;
    }

    AlertEmail compose(Subscriber subscriber, List<Claimed> claimed) {
        Map<String, List<Claimed>> bySearch = new LinkedHashMap<>();
        claimed.forEach(c -> bySearch.computeIfAbsent(c.searchId(), id -> new ArrayList<>()).add(c));
        List<AlertSection> sections = new ArrayList<>();
        bySearch.values().forEach(group -> sections.add(new AlertSection(group.get(0).searchLabel(),
                group.stream().map(c -> new AlertItem(c.posting(), c.matchedTerms(), c.alsoOn())).toList())));
        return new AlertEmail(subscriber.email(), settings.senderAddress(), sections,
                link("/manage", tokens.issue(TokenService.Purpose.MANAGE, subscriber)),
                link("/unsubscribe", tokens.issue(TokenService.Purpose.UNSUBSCRIBE, subscriber)),
                TokenService.feedLink(settings.publicBaseUrl(), tokens.issue(TokenService.Purpose.FEED, subscriber)),
                subscriber.frequency());
    }

    private String link(String path, String token) {
        return TokenService.link(settings.publicBaseUrl(), path, token);
    }
}
