package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.TableNames;
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
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    /** Lambda's entry: reads the environment once and builds the clients for the life of the container. */
    public ApiHandler() {
        this(System.getenv());
    }

    private ApiHandler(Map<String, String> env) {
        SubscriberStore store = subscriberStore(env);
        this.api = api(env, store);
        this.priming = Priming.register("api", env, primingEnv -> ApiPriming.run(new ApiHandler(api(primingEnv, subscriberStore(primingEnv)))),
                () -> store.find(Priming.ABSENT_KEY));
    }

    public ApiHandler(SubscriptionService subscriptions, ManageService manage, ApiConfig config) {
        this(new Api(subscriptions, manage, config));
    }

    private ApiHandler(Api api) {
        this.api = api;
        this.priming = null;
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

    /** The same environment reading every handler uses (tables, token secret, sender, configuration set). */
    private static Api api(Map<String, String> env, SubscriberStore store) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        Clock clock = Clock.systemUTC();
        TokenService tokens = new TokenService(config.tokenSecret(), clock);
        var subscriptions = new SubscriptionService(store, tokens, new SubscriberIds(config.tokenSecret()), clock);
        return new Api(subscriptions, new ManageService(store, clock), ApiConfig.defaults(env.get("PUBLIC_BASE_URL")));
    }

    private static SubscriberStore subscriberStore(Map<String, String> env) {
        return new SubscriberStore(AwsClients.dynamoDb(env), TableNames.fromEnvironment(env).subscribers());
    }
}
