package dev.jobalerts.local.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.fetcher.FetchRun;
import dev.jobalerts.fetcher.SourceReport;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.source.Source;
import dev.jobalerts.store.SourceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fetch [ID…]}: the scheduled fetch, now. Changed pages are snapshotted as usual, and the Pages stream carries
 * them to the parser and on to the matcher, in the local cloud's pollers or the deployed functions alike.
 */
@Command(name = "fetch", description = {"fetch all due sources now, or the ones named whatever their schedule",
        "Changed pages go on to the parser and the matcher through the Pages stream."})
public final class FetchCommand extends OperatorCommand {
    /** Long enough for any politely paced run from a terminal; sources not reached keep their due time. */
    static final Duration DEADLINE = Duration.ofMinutes(15);

    @Parameters(paramLabel = "ID", arity = "0..*", description = "sources to fetch now (default: those due)")
    List<String> ids = List.of();

    FetchCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run(Session session) {
        Set<String> only = new LinkedHashSet<>(ids);
        SourceStore sources = session.sources();
        List<String> known = sources.listAll().stream().map(Source::id).toList();
        List<String> unknown = only.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) throw unknownSource(String.join(", ", unknown));
        boolean json = session.json();
        FetchRun.Summary summary;
        try (PoliteFetcher fetcher = new PoliteFetcher(session.fetchSettings())) {
            FetchRun run = new FetchRun(sources, session.pages(), fetcher, session.adapters(), session.credentials(), Clock.systemUTC());
            summary = run.run(0, 1, only, Instant.now().plus(DEADLINE), report -> session.out.println(json ? progressJson(report) : "fetch  " + report.line()));
        }
        if (json) {
            session.out.println(Json.mapper().valueToTree(summary).toString());
        } else if (summary.sources() == 0) {
            session.out.println("nothing due; name sources to fetch them now: fetch ID…");
        } else {
            session.out.printf("done: %d sources, %d changed, %d unchanged, %d not modified, %d failed, %d disallowed, %d deferred, %d detail pages%n",
                    summary.sources(), summary.changed(), summary.unchanged(), summary.notModified(), summary.failed(),
                    summary.disallowed(), summary.deferred(), summary.detailPages());
        }
        return 0;
    }

    /** One source's report for scripts: its id and what happened, apart. */
    static String progressJson(SourceReport report) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("source", report.sourceId());
        node.put("result", report.result());
        return node.toString();
    }
}
