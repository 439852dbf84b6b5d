package dev.jobalerts.mail;

import dev.jobalerts.coldstart.Restores;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendQuota;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import static dev.jobalerts.mail.FakeSes.error;
import static org.assertj.core.api.Assertions.assertThat;

class SesMailerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2));

    private final FakeTime time = new FakeTime();
    private final FakeSes ses = new FakeSes(time::nanoTime);

    private SesMailer mailer(double rate) {
        return new SesMailer(ses, "jobalerts", rate, RETRY, time);
    }

    private static OutgoingEmail email(int n) {
        return new OutgoingEmail("user" + n + "@example.test", "alerts@example.test", "Subject " + n, "<p>hi</p>", "hi",
                Map.of("List-Unsubscribe", "<https://alerts.example.test/u?t=" + n + ">"));
    }

    @Test
    void send_whenAccepted_returnsSesMessageIdAndSendsSimpleContentWithHeaders() {
        SendOutcome outcome = mailer(10).send(email(1));

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("ses-1"));
        var request = ses.requests.get(0);
        assertThat(request.configurationSetName()).isEqualTo("jobalerts");
        assertThat(request.destination().toAddresses()).containsExactly("user1@example.test");
        var simple = request.content().simple();
        assertThat(simple.subject().data()).isEqualTo("Subject 1");
        assertThat(simple.body().html().data()).isEqualTo("<p>hi</p>");
        assertThat(simple.body().text().data()).isEqualTo("hi");
        assertThat(simple.body().html().charset()).isEqualTo("UTF-8");
        assertThat(simple.headers()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("List-Unsubscribe");
            assertThat(h.value()).isEqualTo("<https://alerts.example.test/u?t=1>");
        });
    }

    @Test
    void send_whenConfigurationSetIsNull_leavesItOut() {
        new SesMailer(ses, null, 10.0, RETRY, time).send(email(1));

        assertThat(ses.requests.get(0).configurationSetName()).isNull();
    }

    static Stream<AwsServiceException> throttlingErrors() {
        return Stream.of(
                error(TooManyRequestsException.builder(), 429, "TooManyRequestsException", "Too many requests"),
                error(LimitExceededException.builder(), 400, "LimitExceededException", "Limit exceeded"),
                error(SesV2Exception.builder(), 429, "SomethingNew", "slow down"),
                error(SesV2Exception.builder(), 400, "Throttling", "Rate exceeded"),
                error(SesV2Exception.builder(), 400, "Other", "Maximum sending rate exceeded."));
    }

    @ParameterizedTest
    @MethodSource("throttlingErrors")
    void send_whenThrottledThenAccepted_retriesWithBackoffAndReturnsSent(AwsServiceException throttle) {
        ses.thenFail(throttle, throttle);

        SendOutcome outcome = mailer(1000).send(email(1));

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("ses-1"));
        assertThat(ses.requests).hasSize(3);
        // full jitter at dice 0.5: half of 100 ms, then half of 200 ms
        assertThat(time.sleeps).contains(50_000_000L, 100_000_000L);
    }

    @Test
    void send_whenAlwaysThrottled_givesUpAfterMaxAttempts() {
        AwsServiceException throttle = error(TooManyRequestsException.builder(), 429, "TooManyRequestsException", "Too many");
        ses.thenFail(throttle, throttle, throttle, throttle, throttle);

        SendOutcome outcome = mailer(1000).send(email(1));

        assertThat(outcome).isInstanceOf(SendOutcome.Throttled.class);
        assertThat(((SendOutcome.Throttled) outcome).reason()).contains("gave up after 4 attempts", "TooManyRequests");
        assertThat(ses.requests).hasSize(4);
    }

    @Test
    void send_whenDailyQuotaIsExhausted_returnsThrottledWithoutRetrying() {
        ses.thenFail(error(SesV2Exception.builder(), 400, "Throttling", "Daily message quota exceeded."));

        assertThat(mailer(10).send(email(1))).isInstanceOf(SendOutcome.Throttled.class);
        assertThat(ses.requests).hasSize(1);
    }

    static Stream<Arguments> permanentErrors() {
        return Stream.of(
                Arguments.of(error(MessageRejectedException.builder(), 400, "MessageRejected", "Email address is not verified.")),
                Arguments.of(error(MailFromDomainNotVerifiedException.builder(), 400, "MailFromDomainNotVerifiedException", "not verified")),
                Arguments.of(error(AccountSuspendedException.builder(), 400, "AccountSuspendedException", "suspended")),
                Arguments.of(error(BadRequestException.builder(), 400, "BadRequestException", "Illegal address")),
                Arguments.of(error(SesV2Exception.builder(), 400, "InvalidParameterValue", "Missing final '@domain'")));
    }

    @ParameterizedTest
    @MethodSource("permanentErrors")
    void send_whenPermanentlyRefused_returnsRejectedAfterOneCall(AwsServiceException refusal) {
        ses.thenFail(refusal);

        SendOutcome outcome = mailer(10).send(email(1));

        assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
        assertThat(((SendOutcome.Rejected) outcome).reason()).contains(refusal.awsErrorDetails().errorCode());
        assertThat(ses.requests).hasSize(1);
    }

    static Stream<RuntimeException> transientErrors() {
        return Stream.of(
                error(SesV2Exception.builder(), 500, "InternalFailure", "internal error"),
                error(SesV2Exception.builder(), 503, "ServiceUnavailable", "unavailable"),
                error(SesV2Exception.builder(), 403, "AccessDeniedException", "not authorized"),
                SdkClientException.create("Read timed out"));
    }

    @ParameterizedTest
    @MethodSource("transientErrors")
    void send_whenTransientFailure_returnsFailedWithoutRetrying(RuntimeException failure) {
        ses.thenFail(failure);

        assertThat(mailer(10).send(email(1))).isInstanceOf(SendOutcome.Failed.class);
        assertThat(ses.requests).hasSize(1);
    }

    @Test
    void send_pacesCallsAtTheSendRate() {
        SesMailer mailer = mailer(10);

        IntStream.range(0, 21).forEach(n -> assertThat(mailer.send(email(n))).isInstanceOf(SendOutcome.Sent.class));

        for (int i = 1; i < ses.callTimes.size(); i++)
            assertThat(ses.callTimes.get(i) - ses.callTimes.get(i - 1)).isGreaterThanOrEqualTo(SECOND / 10);
        assertThat(time.elapsedNanos()).isBetween(2 * SECOND, 2 * SECOND + SECOND / 10);
    }

    @Test
    void send_whenNextSlotIsPastTheDeadline_returnsThrottledWithoutCalling() {
        SesMailer mailer = mailer(1);
        var deadline = time.now().plusMillis(1500);

        assertThat(mailer.send(email(1), deadline)).isInstanceOf(SendOutcome.Sent.class);
        assertThat(mailer.send(email(2), deadline)).isInstanceOf(SendOutcome.Sent.class);
        SendOutcome third = mailer.send(email(3), deadline);

        assertThat(third).isInstanceOf(SendOutcome.Throttled.class);
        assertThat(((SendOutcome.Throttled) third).reason()).contains("deadline");
        assertThat(ses.requests).hasSize(2);
    }

    @Test
    void send_whenDeadlineHasPassed_sendsNothing() {
        assertThat(mailer(100).send(email(1), time.now().minusMillis(1))).isInstanceOf(SendOutcome.Throttled.class);
        assertThat(ses.requests).isEmpty();
    }

    @Test
    void send_whenBackoffWouldPassTheDeadline_stopsRetrying() {
        AwsServiceException throttle = error(TooManyRequestsException.builder(), 429, "TooManyRequestsException", "Too many");
        ses.thenFail(throttle, throttle, throttle);
        time.dice = 0.99;

        SendOutcome outcome = mailer(1000).send(email(1), time.now().plusMillis(150));

        assertThat(outcome).isInstanceOf(SendOutcome.Throttled.class);
        assertThat(((SendOutcome.Throttled) outcome).reason()).contains("deadline reached during back-off");
        assertThat(ses.requests).hasSize(2);
    }

    @Test
    void maxSendRate_readsTheAccountQuota() {
        ses.account = () -> GetAccountResponse.builder()
                .sendQuota(SendQuota.builder().maxSendRate(14.0).max24HourSend(50000.0).build()).build();

        assertThat(new SesMailer(ses, null).sendRate()).isEqualTo(14.0);
    }

    @Test
    void maxSendRate_whenGetAccountFails_fallsBackToOnePerSecond() {
        assertThat(new SesMailer(ses, null).sendRate()).isEqualTo(1.0);
    }

    @Test
    void maxSendRate_whenQuotaIsMissing_fallsBackToOnePerSecond() {
        ses.account = () -> GetAccountResponse.builder().build();

        assertThat(new SesMailer(ses, null).sendRate()).isEqualTo(1.0);
    }

    @Test
    void construction_readsNothing_andTheFirstSendReadsTheSendRateOnce() {
        SesMailer mailer = new SesMailer(ses, null);

        assertThat(ses.accountReads).as("a constructor must not wait on the network").isZero();
        mailer.send(email(1));
        mailer.send(email(2));
        assertThat(ses.accountReads).isEqualTo(1);
    }

    @Test
    void afterASnapStartRestore_theSendRateIsReadAgain_andPacingStartsAfresh() {
        SesMailer mailer = new SesMailer(ses, null);
        mailer.send(email(1));

        Restores.restored();
        mailer.send(email(2));

        assertThat(ses.accountReads).isEqualTo(2);
    }
}
