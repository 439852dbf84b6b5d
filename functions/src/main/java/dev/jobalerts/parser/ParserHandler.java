package dev.jobalerts.parser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.adapter.ReaderPriming;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.json.Json;
import dev.jobalerts.lambda.StreamBatch;
import dev.jobalerts.log.Log;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.store.TableNames;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pages stream (keys only, INSERT and MODIFY) → {@link PageParser}, page by page through {@link StreamBatch}: a page
 * that fails for an infrastructure reason is reported, Lambda retries from it, and the pages before it stay done.
 */
public final class ParserHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** The Pages table's key attribute is named "url"; it holds the page key (the URL for a plain GET). */
    private static final StreamBatch<String> PAGES = new StreamBatch<>(record -> StreamKeys.string(record, "url"), "page", key -> key);

    private final PageParser parser;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public ParserHandler() {
        this(System.getenv());
    }

    private ParserHandler(Map<String, String> env) {
        this(wire(env), env);
    }

    private ParserHandler(Wired wired, Map<String, String> env) {
        this.parser = wired.parser();
        this.priming = Priming.register("parser", env, primingEnv -> samples(wire(primingEnv).parser()), wired.warmer());
    }

    public ParserHandler(PageParser parser) {
        this.parser = parser;
        this.priming = null;
    }

    /** The parser as every Lambda runtime wires it, and a read through its client that finds nothing. */
    private record Wired(PageParser parser, Priming.Warmer warmer) {}

    private static Wired wire(Map<String, String> env) {
        var dynamo = AwsClients.dynamoDb(env);
        TableNames tables = TableNames.fromEnvironment(env);
        PageStore pages = new PageStore(dynamo, tables.pages());
        return new Wired(new PageParser(pages, new PostingStore(dynamo, tables.postings()), new SourceReader(), Clock.systemUTC()),
                () -> pages.find(Priming.ABSENT_KEY));
    }

    /** Reads every bundled sample as a stored page and handles a stream record for a page that is gone. */
    private static Priming.Samples samples(PageParser copy) {
        ParserHandler handler = new ParserHandler(copy);
        var gone = StreamImages.event("MODIFY", Map.of("url", AttributeValue.fromS(ReaderPriming.SAMPLES.get(0).url())), null);
        return () -> {
            for (ReaderPriming.Sample sample : ReaderPriming.SAMPLES) {
                String body = sample.body();
                copy.parse(new PageSnapshot(sample.url(), "priming", sample.contentType(), body, PageSnapshot.hash(body), Instant.now(),
                        Json.write(sample.readSpec())));
            }
            handler.handleRequest(gone, PrimingContext.INSTANCE);
        };
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        int[] foundAndStored = new int[2];
        StreamsEventResponse response = PAGES.process(event, key -> {
            PageParser.Outcome outcome = parser.parse(key);
            foundAndStored[0] += outcome.found();
            foundAndStored[1] += outcome.stored();
            return StreamBatch.Outcome.DONE;
        });
        int failures = response.getBatchItemFailures() == null ? 0 : response.getBatchItemFailures().size();
        Log.metrics("parser", Map.of("PostingsFound", foundAndStored[0], "PostingsStored", foundAndStored[1], "ParseFailures", failures));
        return response;
    }
}
