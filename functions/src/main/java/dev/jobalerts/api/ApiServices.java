package dev.jobalerts.api;

import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.feed.FeedService;
import dev.jobalerts.preview.PreviewService;
import dev.jobalerts.preview.PreviewSettings;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.subscribe.ManageService;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.TokenService;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The services behind the public API, built once per container. */
public record ApiServices(SubscriptionService subscriptions, ManageService manage, PreviewService previews, FeedService feeds) {
    public ApiServices {
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(manage, "manage");
        Objects.requireNonNull(previews, "previews");
        Objects.requireNonNull(feeds, "feeds");
    }

    /** Wires the API the way every runtime does (Lambda, the local cloud, the benchmarks): tables and token secret from the config. */
    public static ApiServices create(FunctionConfig config, DynamoDbClient dynamo, PreviewSettings previewSettings, Clock clock) {
        SubscriberStore subscribers = new SubscriberStore(dynamo, config.tables().subscribers());
        PostingStore postings = new PostingStore(dynamo, config.tables().postings());
        TokenService tokens = new TokenService(config.tokenSecret(), clock);
        SubscriptionService subscriptions = new SubscriptionService(subscribers, tokens, new SubscriberIds(config.tokenSecret()), clock);
        return new ApiServices(subscriptions, new ManageService(subscribers, clock),
                new PreviewService(postings, previewSettings, clock),
                new FeedService(subscriptions, subscribers, new DeliveryStore(dynamo, config.tables().deliveries()), postings, clock));
    }
}
