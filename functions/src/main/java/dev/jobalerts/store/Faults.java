package dev.jobalerts.store;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Tells a store fault that may pass (throttling, a timeout, a 5xx: retry the batch from here) from one that will
 * fail the same way every time (a validation error, an item too large: skip the one item and say so). A retried
 * batch must never wait behind an item that cannot succeed, nor drop one that could.
 */
public final class Faults {
    private Faults() {}

    public static boolean isTransient(RuntimeException e) {
        if (e instanceof SdkClientException) return true; // no answer at all: network, timeout
        if (e instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || service.statusCode() == 429
                    || service.retryable();
        }
        if (e instanceof SdkException sdk) return sdk.retryable();
        return false;
    }
}
