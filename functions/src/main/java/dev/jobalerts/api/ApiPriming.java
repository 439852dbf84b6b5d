package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.wiring.Services;
import java.util.List;
import java.util.Map;

/**
 * The requests the API's SnapStart priming sends through a copy of the API: the pages a person sees first (sign-up
 * page, its script and style), a sign-up by JSON and by form (query parser, validation, one PutItem), a preview
 * (its window read from the priming endpoint, empty), and the token routes and a feed with a forged token
 * (signature check, error pages). Each answer is thrown away.
 */
final class ApiPriming {
    private static final String SEARCH_JSON = "{\"email\":\"priming-%d@example.com\",\"frequency\":\"instant\",\"search\":"
            + "{\"query\":\"python AND (django OR flask) -intern\",\"locations\":[\"Charlotte, NC\"],\"remote\":\"include\","
            + "\"minSalary\":120000,\"currency\":\"USD\"}}";
    private static final String PREVIEW_JSON = "{\"query\":\"python AND (django OR flask) -intern\",\"remote\":\"include\","
            + "\"minSalary\":120000,\"currency\":\"USD\"}";
    private static final String SEARCH_FORM = "email=priming-%d%%40example.com&query=%%22site+reliability%%22+OR+sre&locations=Austin"
            + "&remote=only&frequency=daily";

    private ApiPriming() {}

    /**
     * Hooks that prime a copy wired like {@code services}, and warm the function's own client with a read of one
     * profile that does not exist (the preview window is read when a preview asks for it).
     */
    static Priming register(Services services, SubscriptionService subscriptions) {
        return Priming.register("api", services.environment(),
                environment -> {
                    Services copy = Services.fromEnvironment(environment);
                    return samples(new ApiHandler(copy.apiServices(), copy.apiConfig()));
                },
                () -> subscriptions.findByEmail("priming@example.invalid"));
    }

    /**
     * Each round comes from a client address and a subscriber address of its own: the API's rate limits per client and
     * per address would otherwise answer most rounds 429 and prime only the refusal.
     */
    static Priming.Samples samples(ApiHandler api) {
        int[] round = {0};
        return () -> {
            for (APIGatewayV2HTTPEvent request : requests(round[0]++)) api.handleRequest(request, PrimingContext.INSTANCE);
        };
    }

    static List<APIGatewayV2HTTPEvent> requests(int round) {
        String client = "10." + (round >> 16 & 255) + "." + (round >> 8 & 255) + "." + (round & 255);
        return List.of(
                request(client, "GET", "/", "", null, null),
                request(client, "GET", "/assets/app.js", "", null, null),
                request(client, "GET", "/assets/app.css", "", null, null),
                request(client, "POST", "/subscriptions", "", "application/json", String.format(SEARCH_JSON, round)),
                request(client, "POST", "/subscriptions", "", "application/x-www-form-urlencoded", String.format(SEARCH_FORM, round)),
                request(client, "POST", "/subscriptions/preview", "", "application/json", PREVIEW_JSON),
                request(client, "GET", "/feeds/priming.atom", "", null, null),
                request(client, "GET", "/subscriptions/confirm", "token=priming", null, null),
                request(client, "GET", "/manage", "token=priming", null, null),
                request(client, "GET", "/manage/searches", "token=priming", "application/json", null),
                request(client, "POST", "/unsubscribe", "token=priming", "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"));
    }

    private static APIGatewayV2HTTPEvent request(String client, String method, String path, String query, String contentType, String body) {
        Map<String, String> headers = contentType == null
                ? Map.of("host", "priming.invalid", "accept", "text/html")
                : Map.of("host", "priming.invalid", "accept", "application/json", "content-type", contentType);
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").withSourceIp(client).withUserAgent("priming").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http).withDomainName("priming.invalid").withRequestId("priming").withStage("$default").build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString(query)
                .withHeaders(headers).withRequestContext(context).withBody(body).withIsBase64Encoded(false).build();
    }
}
