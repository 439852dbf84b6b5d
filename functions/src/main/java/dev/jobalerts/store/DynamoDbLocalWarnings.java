package dev.jobalerts.store;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Libraries inside DynamoDB Local warn through java.util.logging on every start: sqlite4java ("unknown jar version"
 * when its native library comes out of a jar it did not ship in) and the AWS SDK v1 (JAXB missing, its Base64 falls
 * back to its own code). Neither is ours to act on; SEVERE still gets through. A filter rather than a level, because
 * DynamoDB Local sets sqlite4java's level itself when it starts. Here rather than beside either starter because both
 * the local cloud (infra) and the functions' tests start DynamoDB Local, and neither can see the other's code, like
 * {@link TableSchemas}; never reached from a handler.
 */
public final class DynamoDbLocalWarnings {
    /** Held because java.util.logging keeps loggers weakly, and a collected logger forgets its filter. */
    private static final List<Logger> QUIETED = Stream.of("com.almworks.sqlite4java", "com.amazonaws.util.Base64")
            .map(Logger::getLogger).toList();

    private DynamoDbLocalWarnings() {}

    /** Lets only SEVERE records of those loggers through; idempotent. */
    public static void quiet() {
        for (Logger logger : QUIETED) logger.setFilter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue());
    }
}
