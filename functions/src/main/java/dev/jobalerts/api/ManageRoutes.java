package dev.jobalerts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.ManageService;
import dev.jobalerts.subscribe.ManageService.Change;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.SubscriptionService.Access;
import dev.jobalerts.subscribe.TokenService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * GET /manage (the page) and the JSON routes behind it, all authorised by the manage token in {@code ?token=}:
 * <pre>
 * GET    /manage/searches              list            POST /manage/searches              add (201; 409 at the limit)
 * PUT    /manage/searches/{id}         replace         DELETE /manage/searches/{id}       delete (204)
 * POST   /manage/searches/{id}/pause   pause           POST /manage/searches/{id}/resume  resume
 * PUT    /manage/frequency             {"frequency": "daily"}
 * POST   /manage/links/revoke          new nonce: every earlier manage/unsubscribe/feed link dies; answers the new manage URL
 * POST   /manage/preview               what a search would have matched, as POST /subscriptions/preview answers
 * </pre>
 * HTML forms cannot send PUT or DELETE, so the page without JavaScript posts form bodies instead:
 * POST /manage/searches/{id} (replace), POST /manage/searches/{id}/delete and POST /manage/frequency. A form body
 * is answered with a 303 back to the manage page (or an HTML error page); anything else with JSON. A form posted to
 * POST /manage/preview?search={id|new} (each search form's Preview button) gets the page again, that form holding what
 * was typed and its preview.
 */
final class ManageRoutes {
    private static final Set<String> FREQUENCY_FIELDS = Set.of("frequency");

    private final SubscriptionService subscriptions;
    private final ManageService manage;
    private final PreviewRoutes previews;
    private final Pages pages;

    ManageRoutes(SubscriptionService subscriptions, ManageService manage, PreviewRoutes previews, Pages pages) {
        this.subscriptions = subscriptions;
        this.manage = manage;
        this.previews = previews;
        this.pages = pages;
    }

    HttpResponse page(HttpRequest request, PublicLinks links) {
        Outcome<Subscriber> subscriber = authorise(request);
        if (subscriber.failed()) return Api.errorPage(pages, links, subscriber.error());
        return HttpResponse.html(200, managePage(request, links, subscriber.value(), null));
    }

    private String managePage(HttpRequest request, PublicLinks links, Subscriber subscriber, Pages.Draft draft) {
        return pages.manage(links, request.token(), links.feed(subscriptions.feedToken(subscriber)), subscriber,
                manage.searches(subscriber), draft);
    }

    /** Everything under /manage/ but the page itself; {@code rest} is the path after "/manage/", split on "/". */
    HttpResponse api(HttpRequest request, PublicLinks links, List<String> rest) {
        String method = request.method();
        boolean form = request.isForm();
        if (rest.equals(List.of("links", "revoke"))) {
            if (!method.equals("POST")) return Api.notAllowed("POST");
            return withSubscriber(request, links, s -> revoke(request, links, s));
        }
        if (rest.equals(List.of("preview"))) {
            if (!method.equals("POST")) return Api.notAllowed("POST");
            return withSubscriber(request, links, s -> preview(request, links, s));
        }
        if (rest.equals(List.of("frequency"))) {
            if (!method.equals("PUT") && !method.equals("POST")) return Api.notAllowed("PUT, POST");
            return withSubscriber(request, links, s -> frequency(request, links, s));
        }
        if (rest.isEmpty() || !rest.get(0).equals("searches") || rest.size() > 3) return HttpResponse.error(ApiError.notFound());
        if (rest.size() == 1) {
            return switch (method) {
                case "GET" -> withSubscriber(request, links, s -> list(s));
                case "POST" -> withSubscriber(request, links, s -> add(request, links, s));
                default -> Api.notAllowed("GET, POST");
            };
        }
        String id = rest.get(1);
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) return HttpResponse.error(ApiError.unknownSearch());
        if (rest.size() == 2) {
            return switch (method) {
                case "PUT" -> withSubscriber(request, links, s -> replace(request, links, s, id));
                case "POST" -> form ? withSubscriber(request, links, s -> replace(request, links, s, id)) : Api.notAllowed("PUT, DELETE");
                case "DELETE" -> withSubscriber(request, links, s -> delete(request, links, s, id));
                default -> Api.notAllowed("PUT, DELETE");
            };
        }
        if (!method.equals("POST")) return Api.notAllowed("POST");
        return switch (rest.get(2)) {
            case "pause" -> withSubscriber(request, links, s -> changed(request, links, manage.setPaused(s, id, true)));
            case "resume" -> withSubscriber(request, links, s -> changed(request, links, manage.setPaused(s, id, false)));
            case "delete" -> withSubscriber(request, links, s -> delete(request, links, s, id));
            default -> HttpResponse.error(ApiError.notFound());
        };
    }

    private HttpResponse list(Subscriber subscriber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", subscriber.email());
        body.put("status", subscriber.status().wireName());
        body.put("frequency", subscriber.frequency().wireName());
        body.put("limit", SubscriptionService.MAX_SEARCHES);
        body.put("searches", manage.searches(subscriber).stream().map(ManageRoutes::view).toList());
        return HttpResponse.json(200, body);
    }

    private HttpResponse add(HttpRequest request, PublicLinks links, Subscriber subscriber) {
        Outcome<SavedSearch> search = readSearch(request, null);
        if (search.failed()) return failure(request, links, search.error());
        Change change = manage.add(subscriber, search.value());
        if (change instanceof Change.Saved saved && !request.isForm())
            return HttpResponse.json(201, view(saved.search()))
                    .withHeader("location", links.to("/manage/searches/" + saved.search().search().id(), request.token()));
        return changed(request, links, change);
    }

    private HttpResponse replace(HttpRequest request, PublicLinks links, Subscriber subscriber, String id) {
        Outcome<SavedSearch> search = readSearch(request, id);
        if (search.failed()) return failure(request, links, search.error());
        return changed(request, links, manage.replace(subscriber, search.value()));
    }

    private HttpResponse delete(HttpRequest request, PublicLinks links, Subscriber subscriber, String id) {
        if (!manage.delete(subscriber, id)) return failure(request, links, ApiError.unknownSearch());
        return request.isForm() ? backToPage(request, links) : HttpResponse.noContent();
    }

    private HttpResponse frequency(HttpRequest request, PublicLinks links, Subscriber subscriber) {
        String value;
        if (request.isForm()) {
            Outcome<Map<String, String>> form = Bodies.form(request, FREQUENCY_FIELDS);
            if (form.failed()) return failure(request, links, form.error());
            value = form.value().get("frequency");
        } else {
            Outcome<ObjectNode> body = Bodies.jsonObject(request, FREQUENCY_FIELDS);
            if (body.failed()) return failure(request, links, body.error());
            JsonNode node = body.value().get("frequency");
            value = node != null && node.isTextual() ? node.asText() : "invalid";
        }
        Frequency frequency;
        try {
            if (value == null || value.isBlank()) throw new IllegalArgumentException("frequency is required");
            frequency = Frequency.fromWire(value);
        } catch (IllegalArgumentException e) {
            return failure(request, links, ApiError.badRequest("invalid_field", "frequency must be one of instant, daily, weekly", "frequency"));
        }
        Subscriber changed = manage.changeFrequency(subscriber, frequency);
        return request.isForm() ? backToPage(request, links) : HttpResponse.json(200, Map.of("frequency", changed.frequency().wireName()));
    }

    /** The JSON preview as POST /subscriptions/preview answers it, or for a form the page again with the preview in place. */
    private HttpResponse preview(HttpRequest request, PublicLinks links, Subscriber subscriber) {
        if (!request.isForm()) return previews.json(request);
        Outcome<Map<String, String>> form = Bodies.form(request, SearchInput.FORM_FIELDS);
        if (form.failed()) return failure(request, links, form.error());
        String key = request.query().getOrDefault("search", Pages.NEW_SEARCH);
        if (!key.matches("[A-Za-z0-9_-]{1,64}")) key = Pages.NEW_SEARCH;
        var preview = previews.run(request, SearchInput.fromForm(form.value(), "", null));
        Pages.Draft draft = preview.failed() ? new Pages.Draft(key, form.value(), preview.error(), null)
                : new Pages.Draft(key, form.value(), null, preview.value());
        return HttpResponse.html(preview.failed() ? preview.error().status() : 200, managePage(request, links, subscriber, draft));
    }

    private HttpResponse revoke(HttpRequest request, PublicLinks links, Subscriber subscriber) {
        String manageUrl = links.to("/manage", subscriptions.manageToken(manage.revokeLinks(subscriber)));
        Api.log("links revoked", Map.of("subscriberId", subscriber.subscriberId()));
        return request.isForm() ? HttpResponse.seeOther(manageUrl) : HttpResponse.json(200, Map.of("manageUrl", manageUrl));
    }

    private HttpResponse changed(HttpRequest request, PublicLinks links, Change change) {
        if (change instanceof Change.TooManySearches tooMany) return failure(request, links, ApiError.tooManySearches(tooMany.limit()));
        if (change instanceof Change.NotFound) return failure(request, links, ApiError.unknownSearch());
        SubscriberSearch saved = ((Change.Saved) change).search();
        return request.isForm() ? backToPage(request, links) : HttpResponse.json(200, view(saved));
    }

    private Outcome<SavedSearch> readSearch(HttpRequest request, String id) {
        if (request.isForm()) {
            Outcome<Map<String, String>> form = Bodies.form(request, SearchInput.FORM_FIELDS);
            return form.failed() ? form.forward() : SearchInput.fromForm(form.value(), "", id);
        }
        Outcome<ObjectNode> body = Bodies.jsonObject(request, SearchInput.JSON_FIELDS);
        return body.failed() ? body.forward() : SearchInput.fromJson(body.value(), "", id);
    }

    private HttpResponse withSubscriber(HttpRequest request, PublicLinks links, Function<Subscriber, HttpResponse> action) {
        Outcome<Subscriber> subscriber = authorise(request);
        if (subscriber.failed()) return failure(request, links, subscriber.error());
        return action.apply(subscriber.value());
    }

    private Outcome<Subscriber> authorise(HttpRequest request) {
        String token = request.token();
        if (token == null || token.isBlank()) return Outcome.failed(ApiError.missingToken());
        Access access = subscriptions.access(token, TokenService.Purpose.MANAGE);
        if (access instanceof Access.Granted granted) return Outcome.ok(granted.subscriber());
        return Outcome.failed(access instanceof Access.Expired ? ApiError.expiredToken() : ApiError.unknownToken());
    }

    private HttpResponse failure(HttpRequest request, PublicLinks links, ApiError error) {
        if (!request.isForm()) return HttpResponse.error(error);
        String back = request.token() == null ? links.to("/") : links.to("/manage", request.token());
        return HttpResponse.html(error.status(), pages.message(links, "That did not work", List.of(error.message()), back, "Back"));
    }

    private static HttpResponse backToPage(HttpRequest request, PublicLinks links) {
        return HttpResponse.seeOther(links.to("/manage", request.token()));
    }

    static Map<String, Object> view(SubscriberSearch search) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("search", search.search());
        view.put("paused", search.paused());
        view.put("confirmed", search.confirmed());
        view.put("live", search.live());
        return view;
    }
}
