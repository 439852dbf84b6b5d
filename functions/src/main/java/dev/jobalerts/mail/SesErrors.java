package dev.jobalerts.mail;

import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** Sorts an SES failure into what the sender should do about it. */
final class SesErrors {
    enum Kind {
        /** Rate exceeded: back off and try again. */
        THROTTLED,
        /** The 24-hour quota is used up: no retry within an invocation helps. */
        QUOTA_EXHAUSTED,
        /** Permanent for this message: never retry. */
        REJECTED,
        /** Transient or unknown; the message may have been accepted, so not retried here. */
        FAILED
    }

    private static final Set<String> THROTTLING_CODES =
            Set.of("Throttling", "ThrottlingException", "TooManyRequestsException", "LimitExceededException");

    private SesErrors() {}

    static Kind classify(SdkException e) {
        if (!(e instanceof AwsServiceException service)) return Kind.FAILED; // no answer: network, timeout, client
        String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
        String message = String.valueOf(service.getMessage()).toLowerCase(Locale.ROOT);
        int status = service.statusCode();
        // SES answers both limits with a throttling error; only the message tells the daily quota apart.
        if (message.contains("daily message quota exceeded")) return Kind.QUOTA_EXHAUSTED;
        if (e instanceof TooManyRequestsException || e instanceof LimitExceededException || status == 429
                || THROTTLING_CODES.contains(code) || message.contains("maximum sending rate exceeded")
                || service.isThrottlingException())
            return Kind.THROTTLED;
        if (e instanceof MessageRejectedException || e instanceof MailFromDomainNotVerifiedException
                || e instanceof AccountSuspendedException || e instanceof SendingPausedException
                || e instanceof BadRequestException || e instanceof NotFoundException)
            return Kind.REJECTED;
        // 401/403 mean our credentials or policy are wrong, not the message: keep the delivery for after the fix.
        if (status == 401 || status == 403 || status >= 500 || status == 0) return Kind.FAILED;
        return status >= 400 ? Kind.REJECTED : Kind.FAILED;
    }

    /** "MessageRejected (400): Email address is not verified." */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String text = service.awsErrorDetails().errorMessage();
            String code = service.awsErrorDetails().errorCode();
            return (code == null ? e.getClass().getSimpleName() : code) + " (" + service.statusCode() + ")"
                    + (text == null || text.isBlank() ? "" : ": " + text);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
