package dev.jobalerts.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Collects a response body up to a byte cap within a time limit. Past the cap it either keeps the first
 * {@code cap} bytes ({@code truncate}, for robots.txt and error pages) or stops with {@link Bytes#tooLarge()};
 * either way it cancels the subscription, which makes the JDK client drop the connection instead of
 * downloading the rest. The JDK request timeout only covers the response headers, so the body gets its own.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {

    /** The collected bytes; {@code tooLarge} means the body was abandoned and {@code data} is empty. */
    record Bytes(byte[] data, boolean tooLarge) {}

    private final long cap;
    private final boolean truncate;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<Bytes> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private ScheduledFuture<?> timeoutTask;

    CappedBody(long cap, boolean truncate, Duration timeout, ScheduledExecutorService timer) {
        this.cap = cap;
        this.truncate = truncate;
        this.timeout = timeout;
        this.timer = timer;
    }

    /**
     * A handler for 2xx bodies capped at {@code cap} (failing as too large unless {@code truncate}) and other bodies
     * cut at {@code errorCap}: an error page is only diagnostics and never fails on size. A declared Content-Length
     * over the cap is refused before reading a byte.
     */
    static Function<Duration, HttpResponse.BodyHandler<Bytes>> handlerFactory(long cap, boolean truncate, long errorCap,
            ScheduledExecutorService timer) {
        return timeout -> info -> {
            boolean success = info.statusCode() / 100 == 2;
            if (!success) return new CappedBody(errorCap, true, timeout, timer);
            OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
            if (!truncate && declared.isPresent() && declared.getAsLong() > cap) return tooLargeAtOnce();
            return new CappedBody(cap, truncate, timeout, timer);
        };
    }

    /** Cancels before reading a byte: BodySubscribers.replacing would still download and discard the whole body. */
    private static HttpResponse.BodySubscriber<Bytes> tooLargeAtOnce() {
        CompletableFuture<Bytes> done = CompletableFuture.completedFuture(new Bytes(new byte[0], true));
        return new HttpResponse.BodySubscriber<>() {
            @Override public void onSubscribe(Flow.Subscription s) { s.cancel(); }
            @Override public void onNext(List<ByteBuffer> items) { }
            @Override public void onError(Throwable error) { }
            @Override public void onComplete() { }
            @Override public CompletionStage<Bytes> getBody() { return done; }
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        timeoutTask = timer.schedule(() -> {
            if (result.completeExceptionally(new HttpTimeoutException("body not read within " + timeout.toMillis() + " ms"))) {
                s.cancel();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer item : items) {
            int room = (int) Math.min(Integer.MAX_VALUE, cap - buffer.size());
            int n = item.remaining();
            if (n > room) {
                if (truncate) {
                    byte[] part = new byte[room];
                    item.get(part);
                    buffer.write(part, 0, room);
                    finish(new Bytes(buffer.toByteArray(), false));
                } else {
                    finish(new Bytes(new byte[0], true));
                }
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[n];
            item.get(chunk);
            buffer.write(chunk, 0, n);
        }
    }

    @Override
    public void onError(Throwable error) {
        cancelTimer();
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        finish(new Bytes(buffer.toByteArray(), false));
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return result;
    }

    private void finish(Bytes bytes) {
        cancelTimer();
        result.complete(bytes);
    }

    private void cancelTimer() {
        if (timeoutTask != null) timeoutTask.cancel(false);
    }
}
