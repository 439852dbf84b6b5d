package dev.jobalerts.local.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Converters;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.parser.PageParser;
import dev.jobalerts.source.Source;
import dev.jobalerts.store.PageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reparse [--source ID] [--since DATE]}: extraction again over the stored page snapshots, no fetching, for
 * when an extractor or a source's selectors improved. It is the parser's own code path: postings go in with the
 * conditional put, so only new ones are stored and only they reach the matcher through the Postings stream.
 */
@Command(name = "reparse", description = {"extract postings again from stored pages, without fetching",
        "Only new postings are stored, and only they go on to the matcher."})
public final class ReparseCommand extends OperatorCommand {
    @Option(names = "--source", paramLabel = "ID", description = "only this source's pages")
    String only;
    @Option(names = "--since", paramLabel = "DATE", converter = Converters.Since.class,
            description = "only pages fetched since this UTC day (2026-11-22) or instant (2026-11-22T08:00:00Z)")
    Instant since;

    ReparseCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run(Session session) {
        var sources = session.sources();
        List<String> ids;
        if (only != null) {
            if (sources.find(only).isEmpty()) throw unknownSource(only);
            ids = List.of(only);
        } else {
            ids = sources.listAll().stream().map(Source::id).toList();
        }
        PageStore pages = session.pages();
        PageParser parser = new PageParser(pages, session.postings(), new SourceReader(session.adapters()), Clock.systemUTC());
        int pageCount = 0, found = 0, stored = 0;
        for (String id : ids) {
            int sourcePages = 0, sourceFound = 0, sourceStored = 0;
            for (String key : pages.urlsOfSource(id, since)) {
                PageParser.Outcome outcome = parser.parse(key);
                if (outcome.pageMissing()) continue;
                sourcePages++;
                sourceFound += outcome.found();
                sourceStored += outcome.stored();
                if (session.json()) session.out.println(json(id, outcome));
            }
            if (!session.json()) session.out.printf("reparse  %s: %d pages, %d postings found, %d new%n", id, sourcePages, sourceFound, sourceStored);
            pageCount += sourcePages;
            found += sourceFound;
            stored += sourceStored;
        }
        session.done(String.format("done: %d pages, %d postings found, %d new (new ones go to the matcher)", pageCount, found, stored),
                "pages", pageCount, "found", found, "stored", stored);
        return 0;
    }

    private static String json(String sourceId, PageParser.Outcome outcome) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("source", sourceId);
        node.put("page", outcome.key());
        node.put("extractor", outcome.extractor().id());
        node.put("found", outcome.found());
        node.put("stored", outcome.stored());
        return node.toString();
    }
}
