package dev.jobalerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Rough in-process latency of the handler (DynamoDB Local on loopback stands in for DynamoDB, so store-bound routes
 * measure our code plus a local round trip, not AWS). Prints one line per route; run with
 * {@code mvn -q -B -pl functions test -Dtest=ApiLatencyIT}. The figures are printed, never asserted (a shared
 * machine makes any bound flaky); what is asserted is that every repeated request gets its route's answer.
 */
class ApiLatencyIT {

    @Test
    void repeatedRequests_getTheirRoutesAnswer_andPrintTheirLatency() {
        try (ApiFixture fixture = new ApiFixture()) {
            long start = System.nanoTime();
            ApiHandler handler = fixture.handler();
            double constructMs = (System.nanoTime() - start) / 1e6;
            System.out.printf("api-bench construct handler (templates + assets): %.1f ms%n", constructMs);

            handler.handleRequest(Events.post("/subscriptions").json("{\"email\":\"bench@example.com\",\"search\":{\"id\":\"b\"}}").build(), null);
            handler.handleRequest(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor("bench@example.com")).build(), null);
            String manage = fixture.subscriptions.manageToken(fixture.findByEmail("bench@example.com").orElseThrow());

            double[] page = measure(handler, 3000, 200, i -> Events.get("/").build());
            double[] refused = measure(handler, 3000, 400, i -> Events.post("/subscriptions").json("{\"email\":\"x\",\"bogus\":1}").build());
            double[] signUp = measure(handler, 500, 202, i -> Events.post("/subscriptions")
                    .json("{\"email\":\"bench" + i + "@example.com\",\"search\":{\"query\":\"java\"}}").build());
            double[] managePage = measure(handler, 500, 200, i -> Events.get("/manage?token=" + manage).build());
            report("GET / (sign-up page)", page);
            report("POST /subscriptions refused (400)", refused);
            report("POST /subscriptions new address", signUp);
            report("GET /manage", managePage);
        }
    }

    /** Sends {@code count} requests after a warm-up, checks each gets {@code status}, returns their sorted times. */
    private static double[] measure(ApiHandler handler, int count, int status, IntFunction<APIGatewayV2HTTPEvent> events) {
        for (int i = 0; i < Math.min(200, count); i++) handler.handleRequest(events.apply(-1 - i), null);
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            APIGatewayV2HTTPEvent event = events.apply(i);
            long start = System.nanoTime();
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(response.getStatusCode()).as("request %d", i).isEqualTo(status);
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String route, double[] sorted) {
        System.out.printf("api-bench %-36s n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms%n", route, sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
