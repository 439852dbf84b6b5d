package dev.jobalerts.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountRequest;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** An in-memory SES v2 client: scripted answers for SendEmail, a fixed answer for GetAccount, every call recorded. */
final class FakeSes implements SesV2Client {
    final List<SendEmailRequest> requests = new ArrayList<>();
    final List<Long> callTimes = new ArrayList<>();
    int accountReads;
    private final Deque<Supplier<SendEmailResponse>> script = new ArrayDeque<>();
    private final LongSupplier clock;
    Supplier<GetAccountResponse> account = () -> { throw error(SesV2Exception.builder(), 400, "BadRequestException", "Account not found"); };
    private int sent;

    FakeSes(LongSupplier clock) {
        this.clock = clock;
    }

    /** Answers the next calls with these failures, in order; later calls succeed. */
    FakeSes thenFail(AwsServiceException... failures) {
        for (AwsServiceException failure : failures) script.add(() -> { throw failure; });
        return this;
    }

    FakeSes thenFail(RuntimeException failure) {
        script.add(() -> { throw failure; });
        return this;
    }

    @Override
    public synchronized SendEmailResponse sendEmail(SendEmailRequest request) {
        requests.add(request);
        callTimes.add(clock.getAsLong());
        Supplier<SendEmailResponse> next = script.poll();
        if (next != null) return next.get();
        return SendEmailResponse.builder().messageId("ses-" + (++sent)).build();
    }

    @Override
    public synchronized GetAccountResponse getAccount(GetAccountRequest request) {
        accountReads++;
        return account.get();
    }

    @Override
    public String serviceName() {
        return "ses";
    }

    @Override
    public void close() {}

    static <B extends AwsServiceException.Builder> AwsServiceException error(B builder, int status, String code, String message) {
        return builder.statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("SESv2").build())
                .build();
    }
}
