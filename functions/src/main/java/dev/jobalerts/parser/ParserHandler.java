package dev.jobalerts.parser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.lambda.StreamBatch;
import dev.jobalerts.log.Log;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.wiring.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        this(Services.fromEnvironment(System.getenv()));
    }

    private ParserHandler(Services services) {
        this.parser = services.pageParser();
        this.priming = ParserPriming.register(services);
    }

    public ParserHandler(PageParser parser) {
        this.parser = parser;
        this.priming = null;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context);
        List<PageParser.Outcome> parsed = new ArrayList<>();
        StreamsEventResponse response = PAGES.process(event, key -> {
            parsed.add(parser.parse(key));
            return StreamBatch.Outcome.DONE;
        });
        int failures = response.getBatchItemFailures() == null ? 0 : response.getBatchItemFailures().size();
        Log.metrics("parser", Map.of("PostingsFound", parsed.stream().mapToInt(PageParser.Outcome::found).sum(),
                "PostingsStored", parsed.stream().mapToInt(PageParser.Outcome::stored).sum(), "ParseFailures", failures));
        return response;
    }
}
