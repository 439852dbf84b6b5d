package dev.jobalerts.mail;

import dev.jobalerts.log.Log;
import dev.jobalerts.coldstart.Restores;
import dev.jobalerts.pacing.Backoff;
import dev.jobalerts.pacing.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends through SES v2 {@code SendEmail} with Simple content (HTML + text, custom headers such as RFC 8058
 * {@code List-Unsubscribe} carried in {@code Message.headers}), at or under the account's maximum send rate.
 *
 * <p>One token bucket per instance paces every send, refilled at {@code MaxSendRate} per second (read with
 * {@code GetAccount} on the first send, not at construction, so that building a mailer never waits on the network;
 * 1/s, the sandbox rate, when that fails, as it does in the emulator). The reading and the bucket are made again in
 * each copy restored from a SnapStart snapshot ({@link Restores}): the bucket counts monotonic-clock time, which
 * does not carry over to another machine. The bucket holds a
 * single token so no one-second window sees more than the rate plus one. Throttling answers are retried with
 * bounded exponential back-off and full jitter; a throttled request was not accepted, so retrying it cannot
 * duplicate the email. Anything else is not retried here: after a 5xx or a timeout SES may already have accepted
 * the message, so the caller's delivery ledger decides. The SDK's own retries are switched off per request for
 * the same reason, whatever retry strategy the client was built with.
 *
 * <p>The rate is per account while Lambda may run several instances at once: give the mailing function a reserved
 * concurrency of 1, or expect SES to throttle (which this class then absorbs).
 */
public final class SesMailer implements Mailer {
    static final double FALLBACK_RATE = 1.0;

    /** Turns off SDK-level retries for one request; this class retries only what is safe to retry. */
    private static final SdkPlugin NO_SDK_RETRIES =
            config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));

    /** The send rate in force and the bucket that applies it, as made in one restore generation. */
    private record Pace(long generation, double rate, TokenBucket bucket) {}

    private final SesV2Client ses;
    private final String configurationSet;
    /** A rate given by the caller (tests); null: read MaxSendRate from SES. */
    private final Double givenRate;
    private final RetryPolicy retry;
    private final Time time;
    private volatile Pace pace;

    /** Reads MaxSendRate (GetAccount) on the first send to size the token bucket. configurationSet may be null. */
    public SesMailer(SesV2Client ses, String configurationSet) {
        this(ses, configurationSet, null, RetryPolicy.DEFAULT, Time.SYSTEM);
    }

    SesMailer(SesV2Client ses, String configurationSet, Double sendRate, RetryPolicy retry, Time time) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
        this.givenRate = sendRate;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public SendOutcome send(OutgoingEmail email) {
        return send(email, null);
    }

    /**
     * Sends, or gives up with {@link SendOutcome.Throttled} rather than wait past {@code deadline} (null: no
     * deadline) for a rate slot or a back-off; then nothing was sent and the email can go in the next invocation.
     */
    @Override
    public SendOutcome send(OutgoingEmail email, Instant deadline) {
        Objects.requireNonNull(email, "email");
        SendEmailRequest request = request(email);
        Pace pace = pace();
        long latestStart = latestStartNanos(deadline);
        String lastThrottle = "";
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                if (attempt > 1) {
                    Backoff.Next next = retry.backoff().next(attempt - 1, null, Duration.ofNanos(latestStart - time.nanoTime()), time.random());
                    if (next instanceof Backoff.Next.PastDeadline)
                        return throttled("deadline reached during back-off after " + lastThrottle, attempt - 1);
                    time.sleep(next.delay().toNanos());
                }
                long wait = pace.bucket().reserve(time.nanoTime(), latestStart);
                if (wait == TokenBucket.NEVER)
                    return throttled("deadline reached before a send slot at " + pace.rate() + "/s", attempt - 1);
                time.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendOutcome.Throttled("interrupted before sending");
            }
            try {
                return new SendOutcome.Sent(ses.sendEmail(request).messageId());
            } catch (SdkException e) {
                String reason = SesErrors.describe(e);
                switch (SesErrors.classify(e)) {
                    case THROTTLED -> lastThrottle = reason;
                    case QUOTA_EXHAUSTED -> { return throttled(reason, attempt); }
                    case REJECTED -> { return new SendOutcome.Rejected(reason); }
                    default -> { return new SendOutcome.Failed(reason); }
                }
            }
        }
        return throttled("gave up after " + retry.maxAttempts() + " attempts: " + lastThrottle, retry.maxAttempts());
    }

    /** The account's send rate, read now if this restore generation has not read it yet (SnapStart warms with it). */
    public double sendRate() {
        return pace().rate();
    }

    private Pace pace() {
        Pace current = pace;
        long generation = Restores.generation();
        if (current != null && current.generation() == generation) return current;
        synchronized (this) {
            current = pace;
            if (current == null || current.generation() != generation) {
                double rate = givenRate != null ? givenRate : maxSendRate(ses);
                pace = current = new Pace(generation, rate, TokenBucket.perSecond(rate, 1, time.nanoTime()));
            }
            return current;
        }
    }

    private SendEmailRequest request(OutgoingEmail email) {
        return SendEmailRequest.builder()
                .fromEmailAddress(email.from())
                .destination(d -> d.toAddresses(email.to()))
                .configurationSetName(configurationSet)
                .content(c -> c.simple(m -> m
                        .subject(utf8(email.subject()))
                        .body(b -> b.html(utf8(email.html())).text(utf8(email.text())))
                        .headers(email.headers().entrySet().stream()
                                .map(h -> MessageHeader.builder().name(h.getKey()).value(h.getValue()).build())
                                .toList())))
                .overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES))
                .build();
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }

    private long latestStartNanos(Instant deadline) {
        long now = time.nanoTime();
        if (deadline == null) return now + Long.MAX_VALUE / 2;
        Duration left = Duration.between(time.now(), deadline);
        if (left.isNegative()) return now - 1;
        return now + (left.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE / 2 : left.toNanos());
    }

    private static SendOutcome throttled(String reason, int attempts) {
        Log.warn("SES throttled", "attempts", attempts, "reason", reason);
        return new SendOutcome.Throttled(reason);
    }

    /** The account's MaxSendRate, or {@value #FALLBACK_RATE}/s when GetAccount is unavailable or says nothing. */
    static double maxSendRate(SesV2Client ses) {
        Double max = null;
        String source = "GetAccount";
        try {
            var quota = ses.getAccount(r -> r.overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES))).sendQuota();
            max = quota == null ? null : quota.maxSendRate();
        } catch (SdkException e) {
            source = "fallback, GetAccount failed: " + SesErrors.describe(e);
        }
        boolean usable = max != null && max > 0 && !max.isInfinite();
        double rate = usable ? max : FALLBACK_RATE;
        if (!usable && source.equals("GetAccount")) source = "fallback, GetAccount gave no MaxSendRate";
        Log.info("SES send rate read", "maxSendRate", rate, "source", source);
        return rate;
    }
}
