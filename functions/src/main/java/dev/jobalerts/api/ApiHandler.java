package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.subscribe.ManageService;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.TokenService;
import java.time.Clock;
import java.util.Map;

/**
 * The public HTTP API behind API Gateway (HTTP API, payload format 2.0): the sign-up page, double opt-in,
 * the manage page and its JSON routes, and one-click unsubscribe. Routes are listed in {@link Api}.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;

    /** Lambda's entry: reads the environment once and builds the clients for the life of the container. */
    public ApiHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    private ApiHandler(Map<String, String> env, Clock clock) {
        this(services(env, FunctionConfig.fromEnvironment(env), clock), ApiConfig.defaults(env.get("PUBLIC_BASE_URL")));
    }

    private ApiHandler(Services services, ApiConfig config) {
        this(services.subscriptions(), services.manage(), config);
    }

    public ApiHandler(SubscriptionService subscriptions, ManageService manage, ApiConfig config) {
        this.api = new Api(subscriptions, manage, config);
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

    private record Services(SubscriptionService subscriptions, ManageService manage) {}

    /** The same environment reading every handler uses (tables, token secret, sender, configuration set). */
    private static Services services(Map<String, String> env, FunctionConfig config, Clock clock) {
        SubscriberStore store = new SubscriberStore(AwsClients.dynamoDb(env), config.tables().subscribers());
        TokenService tokens = new TokenService(config.tokenSecret(), clock);
        return new Services(new SubscriptionService(store, tokens, new SubscriberIds(config.tokenSecret()), clock), new ManageService(store, clock));
    }
}
