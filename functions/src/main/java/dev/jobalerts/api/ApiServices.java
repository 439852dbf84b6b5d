package dev.jobalerts.api;

import dev.jobalerts.feed.FeedService;
import dev.jobalerts.preview.PreviewService;
import dev.jobalerts.subscribe.ManageService;
import dev.jobalerts.subscribe.SubscriptionService;
import java.util.Objects;

/** The services behind the public API, built once per container ({@code dev.jobalerts.wiring.Services#apiServices}). */
public record ApiServices(SubscriptionService subscriptions, ManageService manage, PreviewService previews, FeedService feeds) {
    public ApiServices {
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(manage, "manage");
        Objects.requireNonNull(previews, "previews");
        Objects.requireNonNull(feeds, "feeds");
    }
}
