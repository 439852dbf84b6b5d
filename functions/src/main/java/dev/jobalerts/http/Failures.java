package dev.jobalerts.http;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Short, stable descriptions of network faults for outcome reasons. */
final class Failures {
    private Failures() {}

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }

    static String describe(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof HttpConnectTimeoutException) return "connect timed out";
        if (t instanceof HttpTimeoutException) return "read timed out";
        if (t instanceof ConnectException) return "connection refused";
        if (t instanceof UnknownHostException) return t.getMessage() == null ? "unknown host" : t.getMessage();
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
