package dev.jobalerts.matcher;

import dev.jobalerts.alert.AlertPriming;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.store.PostingItems;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.wiring.Services;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The matcher's SnapStart priming (see {@link Priming}). */
final class MatcherPriming {
    private MatcherPriming() {}

    /**
     * Hooks that prime a copy wired like {@code services}, and warm the function's own: the live searches and the send
     * rate, which the first batch would otherwise read.
     */
    static Priming register(Services services, AlertMatcher matcher, SesMailer ses) {
        return Priming.register("matcher", services.environment(), MatcherPriming::samples, () -> {
            matcher.warm();
            ses.sendRate();
        });
    }

    /**
     * Batches of one new posting that the sample subscriber's live search matches: the profile is put first (the
     * priming endpoint gives it back), so each batch reads it, claims the delivery, renders and sends the alert and
     * records it, as a real batch does.
     */
    private static Priming.Samples samples(Map<String, String> environment) {
        Services services = Services.fromEnvironment(environment);
        SubscriberStore subscribers = services.subscribers();
        Subscriber subscriber = AlertPriming.subscriber();
        subscribers.saveProfile(subscriber, Instant.now());
        LiveSearchIndex index = new LiveSearchIndex(subscribers);
        index.apply(new SubscriberSearch(subscriber.subscriberId(), AlertPriming.search(), false, true, false, SubscriberStatus.ACTIVE,
                Frequency.INSTANT, System.currentTimeMillis()));
        MatcherHandler copy = new MatcherHandler(services.alertMatcher(services.sesMailer(), index));
        StoredPosting sample = AlertPriming.samplePosting();
        var inserted = StreamImages.event("INSERT", Map.of("postingId", AttributeValue.fromS(sample.posting().id())), PostingItems.toItem(sample));
        return () -> copy.handleRequest(inserted, PrimingContext.INSTANCE);
    }
}
