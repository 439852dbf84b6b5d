package dev.jobalerts.api;

import dev.jobalerts.feed.AtomFeed;
import dev.jobalerts.feed.Feed;
import dev.jobalerts.feed.FeedService;
import dev.jobalerts.subscribe.TokenService;
import java.util.Map;
import java.util.Optional;

/**
 * GET /feeds/{token}.atom: a subscriber's latest matches as an Atom feed, for feed readers. A forged, revoked or
 * expired token gets the same 404 as any unknown address, so a feed URL says nothing about whether the subscriber
 * exists. Feed readers poll: the answer carries an entity tag (RFC 9110 §8.8.3), and a poll whose If-None-Match
 * names it gets 304 without the postings being read.
 */
final class FeedRoutes {
    /** Feed readers poll every few minutes to hours; "private" keeps shared caches from storing someone's feed. */
    private static final String CACHE_CONTROL = "private, max-age=300";

    private final FeedService feeds;

    FeedRoutes(FeedService feeds) {
        this.feeds = feeds;
    }

    /** @param name the last path segment, {@code <token>.atom} */
    HttpResponse get(HttpRequest request, PublicLinks links, String name) {
        if (!name.endsWith(TokenService.FEED_SUFFIX)) return HttpResponse.error(ApiError.notFound());
        Optional<FeedService.Matches> matches = feeds.matches(name.substring(0, name.length() - TokenService.FEED_SUFFIX.length()));
        if (matches.isEmpty()) return HttpResponse.error(ApiError.notFound());
        String etag = "\"" + matches.get().version() + "\"";
        if (notModified(request.header("if-none-match"), etag))
            return new HttpResponse(304, Map.of("etag", etag, "cache-control", CACHE_CONTROL), "");
        Feed feed = feeds.feed(matches.get());
        Api.log("feed read", Map.of("subscriberId", feed.subscriberId(), "entries", Integer.toString(feed.entries().size())));
        String body = AtomFeed.write(feed, links.to(TokenService.FEED_PATH + name), links.to("/"));
        return new HttpResponse(200, Map.of("content-type", AtomFeed.MEDIA_TYPE, "etag", etag, "cache-control", CACHE_CONTROL), body);
    }

    /** If-None-Match is "*" or a list of tags, weak ones prefixed W/ (weak comparison applies to GET). */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*")) return true;
            if (candidate.startsWith("W/")) candidate = candidate.substring(2);
            if (candidate.equals(etag)) return true;
        }
        return false;
    }
}
