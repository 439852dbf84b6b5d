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
import dev.jobalerts.log.Log;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.Faults;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.store.TableNames;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pages stream (keys only, INSERT and MODIFY) → {@link PageParser}. A record whose page cannot be handled for an
 * infrastructure reason is reported as a batch item failure; Lambda retries from it, and the records before it
 * stay done.
 */
public final class ParserHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
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
        Log.invocation(context);
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        int found = 0, stored = 0;
        for (var record : records) {
            // The Pages table's key attribute is named "url"; it holds the page key (the URL for a plain GET).
            String key = StreamKeys.string(record, "url");
            if (key == null) {
                Log.warn("stream record without a page key, skipped", "eventID", record.getEventID());
                continue;
            }
            try {
                PageParser.Outcome outcome = parser.parse(key);
                found += outcome.found();
                stored += outcome.stored();
            } catch (RuntimeException e) {
                if (!Faults.isTransient(e)) {
                    // It would fail the same way on every retry and hold up every healthy page behind it.
                    Log.error("page cannot be parsed; skipped", e, "page", key);
                    continue;
                }
                Log.error("page parse failed; batch resumes here on retry", e, "page", key);
                Log.metrics("parser", Map.of("PostingsFound", found, "PostingsStored", stored, "ParseFailures", 1));
                return StreamKeys.failedFrom(record);
            }
        }
        Log.metrics("parser", Map.of("PostingsFound", found, "PostingsStored", stored, "ParseFailures", 0));
        return new StreamsEventResponse();
    }
}
