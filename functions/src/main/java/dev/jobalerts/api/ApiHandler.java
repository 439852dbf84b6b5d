package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.log.Log;
import dev.jobalerts.wiring.Services;
import java.util.Map;

/**
 * The public HTTP API behind API Gateway (HTTP API, payload format 2.0): the sign-up page with search previews,
 * double opt-in, the manage page and its JSON routes, one-click unsubscribe and the feed of matches. Routes are
 * listed in {@link Api}.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public ApiHandler() {
        this(Services.fromEnvironment(System.getenv()));
    }

    private ApiHandler(Services services) {
        ApiServices wired = services.apiServices();
        this.api = new Api(wired, services.apiConfig());
        this.priming = ApiPriming.register(services, wired.subscriptions());
    }

    public ApiHandler(ApiServices services, ApiConfig config) {
        this.api = new Api(services, config);
        this.priming = null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Log.invocation(context);
        HttpResponse response;
        try {
            response = api.handle(HttpRequest.from(event));
        } catch (RuntimeException e) {
            // Infrastructure faults only (bad input is answered as a value); the client learns nothing internal.
            Api.log("api_error", Map.of("error", e.getClass().getName(), "message", String.valueOf(e.getMessage())));
            response = HttpResponse.error(ApiError.internal());
        }
        return response.toEvent();
    }
}
