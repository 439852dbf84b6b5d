package dev.jobalerts.http;

import dev.jobalerts.url.HttpUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * One request with redirects followed by hand, so that the SSRF guard and robots.txt see every hop
 * (the JDK client's own redirect handling would connect first and ask nobody).
 */
final class HttpHops {

    /** Where following a URL ended. Network faults complete the future exceptionally instead. */
    sealed interface Result {
        /** A final (non-redirect) response. {@code body} is still Content-Encoded. */
        record Response(URI uri, int status, HttpHeaders headers, byte[] body, boolean tooLarge) implements Result {}
        record Refused(String reason) implements Result {}
        record HopDisallowed(String reason) implements Result {}
        record HopDeferred(String reason) implements Result {}
        record RedirectFailed(int status, String reason) implements Result {}
    }

    /** May a redirect target be requested? Answers robots.txt for hops after the first. */
    sealed interface HopPermission {
        record Allowed() implements HopPermission {}
        record Disallowed(String reason) implements HopPermission {}
        record Deferred(String reason) implements HopPermission {}
    }

    /**
     * What to send on the first hop. A redirect keeps the method and body only for 307/308 (RFC 9110 §15.4.8–9);
     * 301, 302 and 303 continue as a GET without a body, as every browser does. Secrets and the extra headers go
     * only to the origin of the first hop: a board that redirects elsewhere never receives our API key.
     */
    record Call(URI url, String method, byte[] body, Map<String, String> headers, RequestSecrets secrets) {
        Call {
            headers = headers == null ? Map.of() : headers;
            secrets = secrets == null ? RequestSecrets.NONE : secrets;
        }

        static Call get(URI url, Map<String, String> headers) {
            return new Call(url, "GET", null, headers, RequestSecrets.NONE);
        }
    }

    /** Raised when the run's deadline leaves no time for another hop. */
    static final class DeadlineReachedException extends RuntimeException {
        DeadlineReachedException() {
            super("run deadline reached", null, false, false);
        }
    }

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8";

    private final HttpClient client;
    private final FetchSettings settings;
    private final AddressGuard guard;
    private final HostRoutes routes;
    private final ScheduledExecutorService timer;
    private final Executor worker;

    HttpHops(HttpClient client, FetchSettings settings, AddressGuard guard, ScheduledExecutorService timer, Executor worker) {
        this.client = client;
        this.settings = settings;
        this.guard = guard;
        this.routes = new HostRoutes(settings.hostRoutes());
        this.timer = timer;
        this.worker = worker;
    }

    /** The guard's verdict on the address a URL is really sent to (its host route, if any). */
    AddressGuard.Verdict check(URI url) {
        return guard.check(routes.wire(url));
    }

    /**
     * Sends {@code start} and follows up to {@code settings.maxRedirects()} redirects.
     *
     * @param permission  asked before each redirect hop, after the SSRF guard; null to follow without asking (robots.txt itself)
     * @param successCap  body cap for 2xx; {@code truncate} keeps a prefix instead of failing as too large
     */
    CompletableFuture<Result> follow(Call start, Function<URI, CompletableFuture<HopPermission>> permission,
            Instant deadline, long successCap, boolean truncate, int errorCap) {
        return new Chain(start, permission, deadline, CappedBody.handlerFactory(successCap, truncate, errorCap, timer))
                .hop(start, 0);
    }

    /** The state of one follow(): the URLs seen so far and what every hop shares. */
    private final class Chain {
        final Set<URI> seen = new HashSet<>();
        final String origin;
        final Function<URI, CompletableFuture<HopPermission>> permission;
        final Instant deadline;
        final Function<Duration, HttpResponse.BodyHandler<CappedBody.Bytes>> bodies;

        Chain(Call start, Function<URI, CompletableFuture<HopPermission>> permission, Instant deadline,
                Function<Duration, HttpResponse.BodyHandler<CappedBody.Bytes>> bodies) {
            seen.add(start.url());
            this.origin = HttpUrls.origin(start.url());
            this.permission = permission;
            this.deadline = deadline;
            this.bodies = bodies;
        }

        CompletableFuture<Result> hop(Call call, int redirects) {
            URI uri = call.url();
            return CompletableFuture.supplyAsync(() -> check(uri), worker).thenCompose(verdict -> {
                if (verdict instanceof AddressGuard.Verdict.Refused refused) return done(new Result.Refused(refused.reason()));
                if (verdict instanceof AddressGuard.Verdict.Unresolvable unresolvable) {
                    return CompletableFuture.failedFuture(new UnknownHostException(unresolvable.reason()));
                }
                if (redirects == 0 || permission == null) return send(call, redirects);
                // The guard has passed this hop, so asking its robots.txt never sends a request to a refused address.
                return permission.apply(uri).thenCompose(p -> {
                    if (p instanceof HopPermission.Disallowed d) return done(new Result.HopDisallowed(d.reason()));
                    if (p instanceof HopPermission.Deferred d) return done(new Result.HopDeferred(d.reason()));
                    return send(call, redirects);
                });
            });
        }

        CompletableFuture<Result> send(Call call, int redirects) {
            URI uri = call.url();
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) return CompletableFuture.failedFuture(new DeadlineReachedException());
            // Cutting a request off at the deadline lets the run end on time; the caller reports it deferred.
            Duration timeout = left.compareTo(settings.readTimeout()) < 0 ? left : settings.readTimeout();
            boolean sameOrigin = origin.equals(HttpUrls.origin(uri));
            return client.sendAsync(request(call, sameOrigin, timeout), bodies.apply(timeout)).thenCompose(response -> {
                int status = response.statusCode();
                String location = response.headers().firstValue("Location").orElse(null);
                if (!isRedirect(status) || location == null) {
                    CappedBody.Bytes body = response.body();
                    return done(new Result.Response(uri, status, response.headers(), body.data(), body.tooLarge()));
                }
                URI next;
                try {
                    next = HttpUrls.resolveRedirect(uri, location);
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return done(new Result.RedirectFailed(status, "unusable Location " + location));
                }
                if (!seen.add(next)) return done(new Result.RedirectFailed(status, "redirect loop at " + next));
                if (redirects >= settings.maxRedirects()) {
                    return done(new Result.RedirectFailed(status, "more than " + settings.maxRedirects() + " redirects"));
                }
                return hop(redirected(call, next, status), redirects + 1);
            });
        }
    }

    /** The next hop's call: method and body kept only by 307/308; headers and secrets stay with the first origin. */
    private static Call redirected(Call call, URI next, int status) {
        boolean keepMethod = status == 307 || status == 308;
        return keepMethod ? new Call(next, call.method(), call.body(), call.headers(), call.secrets())
                : new Call(next, "GET", null, call.headers(), call.secrets());
    }

    private HttpRequest request(Call call, boolean sameOrigin, Duration timeout) {
        URI logical = sameOrigin ? call.secrets().applyTo(call.url()) : call.url();
        URI wire = routes.wire(logical);
        HttpRequest.Builder b = HttpRequest.newBuilder(wire).timeout(timeout)
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        // The JDK client will not send another Host than the URI's; a routed request names its board the proxy way.
        if (wire != logical) b.header("X-Forwarded-Host", logical.getRawAuthority());
        if (call.body() != null) b.POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        else b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        if (sameOrigin) {
            // An API that wants JSON, or its own User-Agent (USAJOBS asks for the registered e-mail address there).
            call.headers().forEach(b::setHeader);
            call.secrets().headers().forEach(b::setHeader);
        } else {
            // Validators belong to the URL they were stored for; a redirect target gets a plain request.
            call.headers().forEach((name, value) -> {
                if (!name.regionMatches(true, 0, "If-", 0, 3)) b.setHeader(name, value);
            });
        }
        return b.build();
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static CompletableFuture<Result> done(Result result) {
        return CompletableFuture.completedFuture(result);
    }
}
