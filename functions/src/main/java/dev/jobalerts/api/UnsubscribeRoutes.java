package dev.jobalerts.api;

import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.SubscriptionService.Access;
import dev.jobalerts.subscribe.SubscriptionService.Unsubscribe;
import dev.jobalerts.subscribe.TokenService;
import java.util.List;
import java.util.Map;

/**
 * GET and POST /unsubscribe. Only POST acts: mail scanners and link previews follow GET links, so GET shows a page
 * with a button. POST is RFC 8058 one-click: mail clients send {@code List-Unsubscribe=One-Click} without cookies
 * or redirects and expect a 2xx, so it answers 200 every time for a valid token (idempotent) and never redirects.
 */
final class UnsubscribeRoutes {
    private final SubscriptionService subscriptions;
    private final Pages pages;

    UnsubscribeRoutes(SubscriptionService subscriptions, Pages pages) {
        this.subscriptions = subscriptions;
        this.pages = pages;
    }

    HttpResponse page(HttpRequest request, PublicLinks links) {
        String token = request.token();
        if (token == null || token.isBlank()) return Api.errorPage(pages, links, ApiError.missingToken());
        Access access = subscriptions.access(token, TokenService.Purpose.UNSUBSCRIBE, TokenService.Purpose.MANAGE);
        if (access instanceof Access.Granted granted) {
            boolean manageToken = subscriptions.access(token, TokenService.Purpose.MANAGE) instanceof Access.Granted;
            return HttpResponse.html(200, pages.unsubscribe(links, token, granted.subscriber(), manageToken));
        }
        return Api.errorPage(pages, links, access instanceof Access.Expired ? ApiError.expiredToken() : ApiError.unknownToken());
    }

    HttpResponse unsubscribe(HttpRequest request, PublicLinks links) {
        // The body is not needed (the token authorises), but an oversized one is still refused before anything else.
        Outcome<byte[]> body = request.bodyBytes();
        if (body.failed()) return HttpResponse.error(body.error());
        String token = request.token();
        if (token == null || token.isBlank()) return Api.errorPage(pages, links, ApiError.missingToken());
        Unsubscribe result = subscriptions.unsubscribe(token);
        if (result instanceof Unsubscribe.Done done) {
            Api.log("unsubscribed", Map.of("subscriberId", done.subscriber().subscriberId()));
            return HttpResponse.html(200, pages.message(links, "You are unsubscribed",
                    List.of("We will not email " + done.subscriber().email() + " any more job alerts.",
                            "Changed your mind? Sign up again on the start page."),
                    links.to("/"), "Start page"));
        }
        return Api.errorPage(pages, links, ApiError.unknownToken());
    }
}
