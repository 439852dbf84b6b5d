package dev.jobalerts.local.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.ApiRequest;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.SourceTable;
import dev.jobalerts.local.Table;
import dev.jobalerts.source.Source;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceHealth;
import dev.jobalerts.source.SourceKind;
import java.util.Map;
import dev.jobalerts.store.SourceStore;
import java.util.List;
import java.util.Set;

/** {@code sources add|list|show|remove|pause|resume|import|export}: the job boards the fetcher visits. */
final class SourcesCommand {
    static final Set<String> OPTIONS = Set.of("--id", "--name", "--kind", "--config", "--every", "--delay", "--follow-details", "--max-postings");
    static final Set<String> SWITCHES = Set.of("--dry-run");

    private final Session session;

    SourcesCommand(Session session) {
        this.session = session;
    }

    int run() {
        Args args = session.args;
        // Plain `sources` shows the health table, the question an operator asks most.
        String action = args.positionalOr(0, "list");
        return switch (action) {
            case "add" -> add(args.atMost(2, "sources add").positional(1, "URL of the job board"));
            case "list" -> list(args.atMost(1, "sources list"));
            case "show" -> show(args.atMost(2, "sources show").positional(1, "source id"));
            case "remove" -> remove(args.atMost(2, "sources remove").positional(1, "source id"));
            case "pause" -> setPaused(args.atMost(2, "sources pause").positional(1, "source id"), true);
            case "resume" -> setPaused(args.atMost(2, "sources resume").positional(1, "source id"), false);
            case "import" -> importFile(args.atMost(2, "sources import").positional(1, "FILE.json"));
            case "export" -> export(args.atMost(1, "sources export"));
            default -> throw new UsageException("unknown sources action: " + action
                    + " (add, list, show, remove, pause, resume, import, export)");
        };
    }

    private int add(String url) {
        SourceDefinition definition = definitionFromArgs(url);
        boolean dryRun = session.args.has("--dry-run");
        if (definition.kind() == SourceKind.AUTO || dryRun) {
            Probe.Result probe = Probe.run(definition, session.fetchSettings(), session.credentials(), session.adapters());
            report(definition, probe);
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

    private void report(SourceDefinition definition, Probe.Result probe) {
        boolean detected = definition.kind() == SourceKind.AUTO;
        if (session.args.json()) {
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
    private SourceDefinition definitionFromArgs(String url) {
        Args args = session.args;
        String config = args.option("--config");
        JsonNode base = config == null ? Json.mapper().createObjectNode() : Definitions.readFile(config);
        if (!base.isObject()) throw new UsageException(config + " must hold one JSON object (a source definition)");
        ObjectNode node = ((ObjectNode) base).deepCopy();
        node.put("url", url);
        if (args.option("--id") != null) node.put("id", args.option("--id"));
        if (!node.hasNonNull("id")) node.put("id", Definitions.slug(url));
        if (args.option("--name") != null) node.put("name", args.option("--name"));
        if (args.option("--kind") != null) node.put("kind", args.option("--kind"));
        if (args.option("--max-postings") != null) node.put("maxPostings", wholeNumber("--max-postings", args.option("--max-postings")));
        if (args.option("--every") != null) node.put("every", args.option("--every"));
        if (args.option("--delay") != null) node.put("delay", args.option("--delay"));
        String follow = args.option("--follow-details");
        if (follow != null) node.put("followDetails", wholeNumber("--follow-details", follow));
        return Definitions.of(node, config == null ? "source" : config);
    }

    private static int wholeNumber(String option, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number: " + text);
        }
    }

    private int list(Args args) {
        List<Source> sources = session.sources().listAll();
        if (args.json()) {
            sources.forEach(source -> session.out.println(toJson(source)));
        } else if (sources.isEmpty()) {
            session.out.println("no sources yet; add one with: sources add URL, or sources import infra/sources.json");
        } else {
            SourceTable.print(sources, session.out);
        }
        return 0;
    }

    private int show(String id) {
        Source source = find(id);
        if (session.args.json()) {
            session.out.println(toJson(source));
            return 0;
        }
        SourceDefinition d = source.definition();
        SourceHealth h = source.health();
        String fetches;
        try {
            ApiRequest first = session.adapters().board(d).firstPage(Map.of());
            fetches = first.method() + " " + first.url();
        } catch (IllegalArgumentException e) {
            fetches = "cannot: " + e.getMessage();
        }
        String[][] rows = {
                {"id", d.id()},
                {"name", d.name()},
                {"url", d.url()},
                {"fetches", fetches},
                {"kind", d.kind().id()},
                {"selectors", d.selectors().isEmpty() ? "-" : Json.write(d.selectors())},
                {"every", d.every()},
                {"delay", d.delay()},
                {"follow details", Integer.toString(d.followDetails())},
                {"max postings", Integer.toString(d.maxPostings())},
                {"credentials", d.credentials().isEmpty() ? "-" : d.credentials().toString()},
                {"paused", d.paused() ? "yes" : "no"},
                {"last run", h.lastRunAt() == null ? "never" : h.lastRunAt().toString()},
                {"status", h.lastStatus().stored() + (h.detail() == null || h.detail().isEmpty() ? "" : " (" + h.detail() + ")")},
                {"postings", (h.postingsLastRun() < 0 ? "-" : Integer.toString(h.postingsLastRun())) + " last run, " + h.postingsHighWater() + " at most"},
                {"failures", Integer.toString(h.consecutiveFailures()) + " in a row"},
                {"broken", h.broken() ? "yes" : "no"},
                {"next due", source.fetchState().nextDueAt() == null ? "now" : source.fetchState().nextDueAt().toString()}};
        Table.print(new String[] {"FIELD", "VALUE"}, rows, session.out);
        return 0;
    }

    private int remove(String id) {
        if (!session.sources().delete(id)) throw UsageException.unknownSource(id);
        // Stored pages and postings stay: they expire by TTL, and postings may already be in alerts.
        session.done("removed " + id, "id", id, "removed", true);
        return 0;
    }

    private int setPaused(String id, boolean paused) {
        Source source = find(id);
        session.sources().saveDefinition(source.definition().withPaused(paused));
        session.done((paused ? "paused " : "resumed ") + id, "id", id, "paused", paused);
        return 0;
    }

    private int importFile(String file) {
        // "-" is standard input, so one pipe moves sources between instances: export from one, import into the other.
        List<SourceDefinition> definitions = file.equals("-")
                ? Definitions.ofArray(Definitions.read(session.in, "standard input"), "standard input")
                : Definitions.ofArray(Definitions.readFile(file), file);
        SourceStore store = session.sources();
        int added = 0;
        for (SourceDefinition definition : definitions) {
            boolean known = store.find(definition.id()).isPresent();
            // saveDefinition keeps fetch state and health, so importing the same file twice changes nothing else.
            store.saveDefinition(definition);
            if (!known) added++;
            if (session.args.json()) session.done("", "id", definition.id(), "added", !known);
        }
        if (!session.args.json())
            session.out.println("imported " + definitions.size() + " sources from " + (file.equals("-") ? "standard input" : file) + ": " + added + " new, " + (definitions.size() - added) + " updated");
        return 0;
    }

    private int export(Args args) {
        List<SourceDefinition> definitions = session.sources().listAll().stream().map(Source::definition).toList();
        try {
            // Always the sources.json array, which import reads back: export is for files, not for line-by-line scripts.
            session.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(definitions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source definitions always serialise", e);
        }
        return 0;
    }

    private Source find(String id) {
        return session.sources().find(id).orElseThrow(() -> UsageException.unknownSource(id));
    }

    static ObjectNode toJson(Source source) {
        ObjectNode node = Json.mapper().valueToTree(source.definition());
        SourceHealth h = source.health();
        node.put("lastRunAt", h.lastRunAt() == null ? null : h.lastRunAt().toString());
        node.put("status", h.lastStatus().stored());
        node.put("detail", h.detail());
        node.put("postingsLastRun", h.postingsLastRun());
        node.put("postingsHighWater", h.postingsHighWater());
        node.put("failures", h.consecutiveFailures());
        node.put("broken", h.broken());
        node.put("nextDueAt", source.fetchState().nextDueAt() == null ? null : source.fetchState().nextDueAt().toString());
        return node;
    }
}
