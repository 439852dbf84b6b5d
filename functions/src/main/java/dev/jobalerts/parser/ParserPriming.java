package dev.jobalerts.parser;

import dev.jobalerts.adapter.ReaderPriming;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.wiring.Services;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The parser's SnapStart priming (see {@link Priming}). */
final class ParserPriming {
    private ParserPriming() {}

    /** Hooks that prime a copy wired like {@code services} and warm the function's own client with a read that finds nothing. */
    static Priming register(Services services) {
        return Priming.register("parser", services.environment(), ParserPriming::samples, () -> services.pages().find(Priming.ABSENT_KEY));
    }

    /** Reads every bundled sample as a stored page and handles a stream record for a page that is gone. */
    private static Priming.Samples samples(Map<String, String> environment) {
        PageParser copy = Services.fromEnvironment(environment).pageParser();
        ParserHandler handler = new ParserHandler(copy);
        var gone = StreamImages.event("MODIFY", Map.of("url", AttributeValue.fromS(ReaderPriming.SAMPLES.get(0).url())), null);
        return () -> {
            for (ReaderPriming.Sample sample : ReaderPriming.SAMPLES) {
                String body = sample.body();
                copy.parse(new PageSnapshot(sample.url(), "priming", sample.contentType(), body, PageSnapshot.hash(body), Instant.now(),
                        sample.readSpec().toJson()));
            }
            handler.handleRequest(gone, PrimingContext.INSTANCE);
        };
    }
}
