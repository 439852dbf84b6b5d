package dev.jobalerts.wiring;

import dev.jobalerts.coldstart.Restores;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The default credentials chain, made afresh in each copy restored from a SnapStart snapshot: credentials cached
 * before the snapshot belong to the execution environment that took it, and may have expired by the time a copy
 * is resumed. Within one restore generation the chain caches and refreshes as it always does.
 */
final class RestoreAwareCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
    private record Chain(long generation, DefaultCredentialsProvider provider) {}

    private volatile Chain chain;

    @Override
    public AwsCredentials resolveCredentials() {
        return chain().provider().resolveCredentials();
    }

    private Chain chain() {
        Chain current = chain;
        long generation = Restores.generation();
        if (current != null && current.generation() == generation) return current;
        synchronized (this) {
            current = chain;
            if (current == null || current.generation() != generation) {
                if (current != null) current.provider().close();
                chain = current = new Chain(generation, DefaultCredentialsProvider.builder().build());
            }
            return current;
        }
    }

    @Override
    public void close() {
        Chain current = chain;
        if (current != null) current.provider().close();
    }
}
