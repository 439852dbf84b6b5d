package dev.jobalerts.local.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Converters;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cli.UsageException;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.store.SourceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sources add URL}: checks the definition as the fetcher and parser will read it, and for {@code --kind auto}
 * or {@code --dry-run} fetches the board once and reports what it sees, so a mistake shows at the terminal rather than
 * as a broken source an hour later.
 */
@Command(name = "add", description = {"add a job board",
        "With --kind auto (the default) or --dry-run it is fetched once first and what was found is reported;",
        "nothing is saved when the page cannot be read."})
final class AddSourceCommand extends OperatorCommand {
    @Parameters(paramLabel = "URL", description = "the careers page or board API URL")
    String url;
    @Option(names = "--id", paramLabel = "ID", description = "the source id (default: made from the URL)")
    String id;
    @Option(names = "--name", paramLabel = "NAME", description = "a name for people")
    String name;
    @Option(names = "--kind", paramLabel = "KIND", description = "auto (default), greenhouse, lever, ashby, workday, jsonld, microdata, rss, selectors, page …")
    String kind;
    @Option(names = "--config", paramLabel = "SOURCE.json", description = "a source definition object; the URL and the other flags go on top")
    String config;
    @Option(names = "--every", paramLabel = "DURATION", description = "how often it is fetched, e.g. 1h")
    String every;
    @Option(names = "--delay", paramLabel = "DURATION", description = "the pause between requests to its host, e.g. 1s")
    String delay;
    @Option(names = "--follow-details", paramLabel = "N", converter = Converters.WholeNumber.class,
            description = "fetch up to N detail pages not yet stored per run")
    Integer followDetails;
    @Option(names = "--max-postings", paramLabel = "N", converter = Converters.WholeNumber.class,
            description = "stop reading a board after N postings")
    Integer maxPostings;
    @Option(names = "--dry-run", description = "fetch and report, save nothing")
    boolean dryRun;

    AddSourceCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run(Session session) {
        SourceDefinition definition = definition();
        if (definition.kind() == SourceKind.AUTO || dryRun) {
            Probe.Result probe = Probe.run(definition, session.fetchSettings(), session.credentials(), session.adapters());
            report(session, definition, probe);
            if (!probe.fetched()) {
                session.err.println("error: not saved: " + probe.request() + " could not be read (" + probe.problem()
                        + "). Fix the URL or credentials, or check robots.txt and that the board is reachable from here.");
                return 2;
            }
            if (probe.postings() == 0 && probe.needDetails() == 0)
                session.err.println("warning: no postings found; if the board is not empty, give --kind selectors with --config SOURCE.json");
        }
        if (dryRun) {
            session.done("dry run: nothing saved", "id", definition.id(), "saved", false);
            return 0;
        }
        SourceStore store = session.sources();
        if (store.find(definition.id()).isPresent())
            throw new UsageException("a source with id " + definition.id() + " exists; pick another --id, or change it with sources import");
        store.saveDefinition(definition);
        session.done("added " + definition.id() + " (" + definition.url() + "); it is fetched on the next run, or now with: fetch " + definition.id(),
                "id", definition.id(), "saved", true);
        return 0;
    }

    private static void report(Session session, SourceDefinition definition, Probe.Result probe) {
        boolean detected = definition.kind() == SourceKind.AUTO;
        if (session.json()) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("id", definition.id());
            line.put("fetched", probe.request());
            line.put("ok", probe.fetched());
            if (!probe.fetched()) line.put("problem", probe.problem());
            line.put("kind", probe.board().kind().id());
            line.put("board", probe.board().label());
            line.put("extractor", probe.reader() != null ? probe.reader().id() : probe.board().kind().id());
            line.put("postings", probe.postings());
            line.put("detailLinks", probe.needDetails());
            line.put("pages", probe.pages());
            session.out.println(line);
            return;
        }
        session.out.println("fetched   " + probe.request());
        if (!probe.fetched()) return;
        if (definition.followDetails() > 0) {
            session.out.println("found     " + probe.needDetails() + " detail links (up to " + definition.followDetails() + " not yet stored are fetched per run)");
        } else {
            session.out.println("found     " + probe.found() + (detected ? " (detected)" : "")
                    + (probe.pages() > 1 ? " on " + probe.pages() + " pages" : ""));
            if (probe.needDetails() > 0)
                session.out.println("details   each posting's description comes from its own detail request, fetched for new postings only");
        }
        probe.warnings().stream().limit(10).forEach(w -> session.out.println("warning   " + w));
    }

    /** The definition from the optional --config object, with the URL and the flags on top. */
    private SourceDefinition definition() {
        JsonNode base = config == null ? Json.mapper().createObjectNode() : Definitions.readFile(config);
        if (!base.isObject()) throw new UsageException(config + " must hold one JSON object (a source definition)");
        ObjectNode node = ((ObjectNode) base).deepCopy();
        node.put("url", url);
        if (id != null) node.put("id", id);
        if (!node.hasNonNull("id")) node.put("id", Definitions.slug(url));
        if (name != null) node.put("name", name);
        if (kind != null) node.put("kind", kind);
        if (maxPostings != null) node.put("maxPostings", maxPostings);
        if (every != null) node.put("every", every);
        if (delay != null) node.put("delay", delay);
        if (followDetails != null) node.put("followDetails", followDetails);
        return Definitions.of(node, config == null ? "source" : config);
    }
}
