package dev.jobalerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.coldstart.PrimingContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming must exercise the paths a first real request takes. With the production rate limits, rounds of
 * priming that came from one client and one address would be refused with 429 after the first few, priming only the
 * refusal; each round has addresses of its own, so every round's sign-ups are accepted.
 */
class ApiPrimingIT {
    @Test
    void requests_ofEveryRound_passTheProductionRateLimits_andEverySignUpIsAccepted() {
        try (ApiFixture fixture = new ApiFixture()) {
            ApiConfig production = ApiConfig.defaults(null);
            ApiHandler api = fixture.handler(new ApiConfig(null, production.perSourceIp(), production.perAddress(),
                    production.perClientPreview(), fixture.clock));
            List<Integer> signUps = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                for (APIGatewayV2HTTPEvent request : ApiPriming.requests(round)) {
                    APIGatewayV2HTTPResponse response = api.handleRequest(request, PrimingContext.INSTANCE);
                    assertThat(response.getStatusCode()).as("round %d: %s %s", round, request.getRequestContext().getHttp().getMethod(),
                            request.getRawPath()).isNotEqualTo(429).isLessThan(500);
                    if (request.getRawPath().equals("/subscriptions")) signUps.add(response.getStatusCode());
                }
            }
            assertThat(signUps).hasSize(80).allMatch(status -> status / 100 == 2);
        }
    }
}
