package dev.jobalerts.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.preview.Preview;
import dev.jobalerts.preview.PreviewService;
import dev.jobalerts.search.SavedSearch;
import java.util.Map;

/**
 * POST /subscriptions/preview: what a search would have matched among the recent postings, before anyone saves it.
 * A JSON body is the search object of a sign-up and gets {@link Preview} as JSON; the sign-up form's Preview button
 * (the page without JavaScript) posts the whole form and gets the page again with the preview in place. A search is
 * read and refused exactly as a sign-up's is, so a query that does not parse gets the same positional 400. Previews
 * are limited per client on top of the API's limit per source: each one tests every recent posting.
 *
 * <p>The manage page's forms preview through {@link ManageRoutes} (POST /manage/preview), which uses {@link #run}.
 */
final class PreviewRoutes {
    private final PreviewService previews;
    private final Pages pages;
    private final TokenBuckets perClient;

    PreviewRoutes(PreviewService previews, Pages pages, TokenBuckets perClient) {
        this.previews = previews;
        this.pages = pages;
        this.perClient = perClient;
    }

    HttpResponse signUp(HttpRequest request, PublicLinks links) {
        if (!request.isForm()) return json(request);
        Outcome<Map<String, String>> fields = Bodies.form(request, SignUpRoutes.FORM_FIELDS);
        if (fields.failed()) return HttpResponse.error(fields.error());
        Outcome<Preview> preview = run(request, SearchInput.fromForm(fields.value(), "search.", null));
        if (preview.failed())
            return HttpResponse.html(preview.error().status(), pages.signUp(links, fields.value(), preview.error(), null));
        return HttpResponse.html(200, pages.signUp(links, fields.value(), null, preview.value()));
    }

    /** A JSON search object in, the preview as JSON out (both the sign-up and the manage page's script send this). */
    HttpResponse json(HttpRequest request) {
        Outcome<ObjectNode> body = Bodies.jsonObject(request, SearchInput.JSON_FIELDS);
        Outcome<Preview> preview = run(request, body.failed() ? body.forward() : SearchInput.fromJson(body.value(), "", null));
        if (!preview.failed()) return HttpResponse.json(200, preview.value());
        HttpResponse refused = HttpResponse.error(preview.error());
        return preview.error().status() == 429 ? refused.withHeader("retry-after", Long.toString(perClient.secondsUntilNextToken())) : refused;
    }

    /** The preview of a search read from the request, once the client has a preview left. */
    Outcome<Preview> run(HttpRequest request, Outcome<SavedSearch> search) {
        // Counted before the search is read: a client sending broken searches in a loop is limited as well.
        if (!perClient.tryTake(request.sourceIp() == null ? "unknown" : request.sourceIp()))
            return Outcome.failed(ApiError.tooManyRequests());
        if (search.failed()) return search.forward();
        return Outcome.ok(previews.preview(search.value()));
    }
}
