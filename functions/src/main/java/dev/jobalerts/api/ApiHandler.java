package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.preview.PreviewSettings;
import java.time.Clock;
import java.util.Map;

/**
 * The public HTTP API behind API Gateway (HTTP API, payload format 2.0): the sign-up page with search previews,
 * double opt-in, the manage page and its JSON routes, one-click unsubscribe and the feed of matches. Routes are
 * listed in {@link Api}.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;

    /** Lambda's entry: reads the environment once and builds the clients for the life of the container. */
    public ApiHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    private ApiHandler(Map<String, String> env, Clock clock) {
        this(ApiServices.create(FunctionConfig.fromEnvironment(env), AwsClients.dynamoDb(env), PreviewSettings.DEFAULTS, clock),
                ApiConfig.defaults(env.get("PUBLIC_BASE_URL")));
    }

    public ApiHandler(ApiServices services, ApiConfig config) {
        this.api = new Api(services, config);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
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
