package dev.jobalerts.local.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.ApiRequest;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.SourceTable;
import dev.jobalerts.local.cli.Table;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.source.Source;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceHealth;
import dev.jobalerts.store.SourceStore;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sources [list]|add|show|remove|pause|resume|import|export}: the job boards the fetcher visits. Plain
 * {@code sources} shows the health table, the question an operator asks most.
 */
@Command(name = "sources", description = "the job boards the fetcher visits; without an action, their health table",
        subcommands = {AddSourceCommand.class, SourcesCommand.ListAll.class, SourcesCommand.Show.class, SourcesCommand.Remove.class,
                SourcesCommand.Pause.class, SourcesCommand.Resume.class, SourcesCommand.Import.class, SourcesCommand.Export.class})
public final class SourcesCommand extends OperatorCommand {
    SourcesCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run(Session session) {
        return list(session);
    }

    @Command(name = "list", description = "the sources with their health: last run, status, postings, failures")
    static final class ListAll extends OperatorCommand {
        ListAll(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return list(session);
        }
    }

    @Command(name = "show", description = "one source's definition, what it fetches, and its health")
    static final class Show extends OperatorCommand {
        @Parameters(paramLabel = "<source id>")
        String id;

        Show(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return show(session, id);
        }
    }

    @Command(name = "remove", description = "forget a source; its stored pages and postings expire by themselves")
    static final class Remove extends OperatorCommand {
        @Parameters(paramLabel = "<source id>")
        String id;

        Remove(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            if (!session.sources().delete(id)) throw unknownSource(id);
            // Stored pages and postings stay: they expire by TTL, and postings may already be in alerts.
            session.done("removed " + id, "id", id, "removed", true);
            return 0;
        }
    }

    @Command(name = "pause", description = "stop fetching a source until resumed")
    static final class Pause extends OperatorCommand {
        @Parameters(paramLabel = "<source id>")
        String id;

        Pause(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return setPaused(session, id, true);
        }
    }

    @Command(name = "resume", description = "fetch a paused source again")
    static final class Resume extends OperatorCommand {
        @Parameters(paramLabel = "<source id>")
        String id;

        Resume(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return setPaused(session, id, false);
        }
    }

    @Command(name = "import", description = {"add or update the sources of a sources.json array",
            "Fetch state and health are kept, so importing twice changes nothing else."})
    static final class Import extends OperatorCommand {
        @Parameters(paramLabel = "FILE.json", description = "the array, or - for standard input (sources export … | sources import - …)")
        String file;

        Import(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return importFile(session, file);
        }
    }

    @Command(name = "export", description = "print the sources.json array import reads")
    static final class Export extends OperatorCommand {
        Export(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return export(session);
        }
    }

    private static int list(Session session) {
        List<Source> sources = session.sources().listAll();
        if (session.json()) {
            sources.forEach(source -> session.out.println(toJson(source)));
        } else if (sources.isEmpty()) {
            session.out.println("no sources yet; add one with: sources add URL, or sources import infra/sources.json");
        } else {
            SourceTable.print(sources, session.out);
        }
        return 0;
    }

    private static int show(Session session, String id) {
        Source source = find(session, id);
        if (session.json()) {
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

    private static int setPaused(Session session, String id, boolean paused) {
        Source source = find(session, id);
        session.sources().saveDefinition(source.definition().withPaused(paused));
        session.done((paused ? "paused " : "resumed ") + id, "id", id, "paused", paused);
        return 0;
    }

    private static int importFile(Session session, String file) {
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
            if (session.json()) session.done("", "id", definition.id(), "added", !known);
        }
        if (!session.json())
            session.out.println("imported " + definitions.size() + " sources from " + (file.equals("-") ? "standard input" : file) + ": " + added + " new, " + (definitions.size() - added) + " updated");
        return 0;
    }

    private static int export(Session session) {
        List<SourceDefinition> definitions = session.sources().listAll().stream().map(Source::definition).toList();
        try {
            // Always the sources.json array, which import reads back: export is for files, not for line-by-line scripts.
            session.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(definitions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source definitions always serialise", e);
        }
        return 0;
    }

    private static Source find(Session session, String id) {
        return session.sources().find(id).orElseThrow(() -> unknownSource(id));
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
