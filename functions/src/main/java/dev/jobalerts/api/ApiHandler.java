package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.log.Log;
import dev.jobalerts.preview.PreviewSettings;
import dev.jobalerts.store.AwsClients;
import java.time.Clock;
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

    /** Lambda's entry: reads the environment once and builds the clients for the life of the container. */
    public ApiHandler() {
        this(System.getenv());
    }

    private ApiHandler(Map<String, String> env) {
        ApiServices services = services(env);
        this.api = new Api(services, ApiConfig.defaults(env.get("PUBLIC_BASE_URL")));
        // The warmer reads one profile that does not exist; the preview window is read when a preview asks for it.
        this.priming = Priming.register("api", env,
                primingEnv -> ApiPriming.samples(new ApiHandler(services(primingEnv), ApiConfig.defaults(primingEnv.get("PUBLIC_BASE_URL")))),
                () -> services.subscriptions().findByEmail("priming@example.invalid"));
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
            Api.log("api request failed", Map.of("error", e.getClass().getName(), "message", String.valueOf(e.getMessage())));
            response = HttpResponse.error(ApiError.internal());
        }
        return response.toEvent();
    }

    /** The same environment reading every handler uses (tables, token secret, sender, configuration set). */
    private static ApiServices services(Map<String, String> env) {
        return ApiServices.create(FunctionConfig.fromEnvironment(env), AwsClients.dynamoDb(env), PreviewSettings.DEFAULTS, Clock.systemUTC());
    }
}
