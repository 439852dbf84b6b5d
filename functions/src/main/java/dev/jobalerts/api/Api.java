package dev.jobalerts.api;

import dev.jobalerts.log.Log;
import dev.jobalerts.subscribe.TokenService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Routes a request to its handler after the per-source rate limit; the one place unknown paths and methods are refused.
 * <pre>
 * GET  /                         sign-up page              POST /subscriptions            sign up
 * GET  /subscriptions/confirm    double opt-in             POST /subscriptions/preview    what a search would have matched
 * GET  /manage, /manage/…        see {@link ManageRoutes}  GET, POST /unsubscribe         see {@link UnsubscribeRoutes}
 * GET  /feeds/{token}.atom       a subscriber's matches as an Atom feed
 * </pre>
 */
final class Api {
    private final ApiConfig config;
    private final TokenBuckets perSourceIp;
    private final Assets assets = new Assets();
    private final SignUpRoutes signUp;
    private final ManageRoutes manage;
    private final UnsubscribeRoutes unsubscribe;
    private final PreviewRoutes previews;
    private final FeedRoutes feeds;

    Api(ApiServices services, ApiConfig config) {
        this.config = config;
        Pages pages = new Pages();
        this.perSourceIp = new TokenBuckets(config.perSourceIp(), config.clock());
        this.signUp = new SignUpRoutes(services.subscriptions(), pages, new TokenBuckets(config.perAddress(), config.clock()));
        this.previews = new PreviewRoutes(services.previews(), pages, new TokenBuckets(config.perClientPreview(), config.clock()));
        this.manage = new ManageRoutes(services.subscriptions(), services.manage(), previews, pages);
        this.unsubscribe = new UnsubscribeRoutes(services.subscriptions(), pages);
        this.feeds = new FeedRoutes(services.feeds());
    }

    HttpResponse handle(HttpRequest request) {
        if (!perSourceIp.tryTake(request.sourceIp() == null ? "unknown" : request.sourceIp())) return tooManyRequests(perSourceIp);
        PublicLinks links = PublicLinks.of(config, request);
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        String method = request.method();
        switch (path) {
            case "/":
                return method.equals("GET") ? signUp.page(links) : notAllowed("GET");
            case "/assets/app.js":
            case "/assets/app.css":
                return method.equals("GET") ? assets.get(path).orElseThrow() : notAllowed("GET");
            case "/subscriptions":
                return method.equals("POST") ? signUp.subscribe(request, links) : notAllowed("POST");
            case "/subscriptions/confirm":
                return method.equals("GET") ? signUp.confirm(request, links) : notAllowed("GET");
            case "/subscriptions/preview":
                return method.equals("POST") ? previews.signUp(request, links) : notAllowed("POST");
            case "/manage":
                return method.equals("GET") ? manage.page(request, links) : notAllowed("GET");
            case "/unsubscribe":
                return switch (method) {
                    case "GET" -> unsubscribe.page(request, links);
                    case "POST" -> unsubscribe.unsubscribe(request, links);
                    default -> notAllowed("GET, POST");
                };
            default:
                if (path.startsWith("/manage/"))
                    return manage.api(request, links, Arrays.asList(path.substring("/manage/".length()).split("/", -1)));
                if (path.startsWith(TokenService.FEED_PATH))
                    return method.equals("GET") ? feeds.get(request, links, path.substring(TokenService.FEED_PATH.length())) : notAllowed("GET");
                return HttpResponse.error(ApiError.notFound());
        }
    }

    static HttpResponse notAllowed(String allowed) {
        return HttpResponse.error(ApiError.methodNotAllowed(allowed)).withHeader("allow", allowed);
    }

    static HttpResponse tooManyRequests(TokenBuckets buckets) {
        return HttpResponse.error(ApiError.tooManyRequests()).withHeader("retry-after", Long.toString(buckets.secondsUntilNextToken()));
    }

    /** An error on a page route: same status and message as the JSON error, as a page a person can act on. */
    static HttpResponse errorPage(Pages pages, PublicLinks links, ApiError error) {
        return HttpResponse.html(error.status(), pages.message(links, "This link does not work", List.of(error.message()),
                links.to("/"), "Go to the start page"));
    }

    /** One JSON line per event that matters; ids only, never addresses or tokens. */
    static void log(String event, Map<String, String> fields) {
        Object[] keyValues = fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        Log.info(event, keyValues);
    }
}
