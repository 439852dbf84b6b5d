package dev.jobalerts.local.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Converters;
import dev.jobalerts.local.cli.Table;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cli.UsageErrors;
import dev.jobalerts.local.cli.UsageException;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code postings list [--source ID] [--since DATE]}, {@code postings show ID}: what the parser has stored, and for a
 * job found on several boards, its copies and why each was judged the same job; {@code postings split ID} un-merges a
 * copy judged wrongly, for good.
 */
@Command(name = "postings", description = "what the parser has stored; a job found on several boards, its copies and why",
        subcommands = {PostingsCommand.ListAll.class, PostingsCommand.Show.class, PostingsCommand.Split.class})
public final class PostingsCommand extends OperatorCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** Long titles would push every other column off a terminal; --json has them whole. */
    static final int CELL = 48;

    PostingsCommand(Terminal terminal) {
        super(terminal);
    }

    /** Only a group of actions; it takes the store options too, so they may come before the action. */
    @Override
    int run(Session session) {
        throw UsageErrors.missingAction(spec);
    }

    @Command(name = "list", description = "the stored postings, newest first seen first")
    static final class ListAll extends OperatorCommand {
        @Option(names = "--source", paramLabel = "ID", description = "only this source's")
        String source;
        @Option(names = "--since", paramLabel = "DATE", converter = Converters.Since.class,
                description = "only those first seen since this UTC day (2026-11-22) or instant (2026-11-22T08:00:00Z)")
        Instant since;

        ListAll(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return list(session, source, since);
        }
    }

    @Command(name = "show", description = "one posting, and for a job found on several boards its copies and why each was judged the same job")
    static final class Show extends OperatorCommand {
        @Parameters(paramLabel = "<posting id>")
        String id;

        Show(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return show(session, id);
        }
    }

    @Command(name = "split", description = "un-merge a copy wrongly judged the same job as another; remembered for good")
    static final class Split extends OperatorCommand {
        @Parameters(paramLabel = "<posting id>")
        String id;

        Split(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return split(session, id);
        }
    }

    private static int list(Session session, String source, Instant since) {
        PostingStore store = session.postings();
        // By source it is a Query on the bySource index; all of them is an operator's Scan, never a hot path.
        List<StoredPosting> postings = source == null ? store.listAll(since) : store.listBySource(source, since);
        if (session.json()) {
            postings.forEach(p -> session.out.println(toJson(p)));
            return 0;
        }
        if (postings.isEmpty()) {
            session.out.println("no postings" + (source == null ? "" : " from " + source) + (since == null ? "" : " since " + since)
                    + "; fetch sources with: fetch");
            return 0;
        }
        String[][] rows = new String[postings.size()][];
        for (int i = 0; i < rows.length; i++) {
            StoredPosting stored = postings.get(i);
            Posting p = stored.posting();
            rows[i] = new String[] {p.id(), WHEN.format(stored.firstSeen()), stored.sourceId(), cut(p.title()), cut(p.company()),
                    cut(p.location()) + (p.remote() ? " (remote)" : "")};
        }
        Table.print(new String[] {"ID", "FIRST SEEN (UTC)", "SOURCE", "TITLE", "COMPANY", "LOCATION"}, rows, session.out);
        session.out.println(postings.size() + " postings");
        return 0;
    }

    private static int show(Session session, String id) {
        StoredPosting stored = find(session, id);
        SameJobReport job = SameJobReport.of(stored, session.postings());
        if (session.json()) {
            ObjectNode node = toJson(stored);
            job.addTo(node);
            session.out.println(node);
            return 0;
        }
        Posting p = stored.posting();
        String[][] rows = {
                {"id", p.id()},
                {"title", p.title()},
                {"company", p.company()},
                {"location", p.location() + (p.remote() ? " (remote)" : "")},
                {"employment", p.employmentType() == null ? "-" : p.employmentType()},
                {"posted", p.datePosted() == null ? "-" : p.datePosted()},
                {"salary", p.salary() == null ? "-" : salary(p)},
                {"url", p.url()},
                {"source", stored.sourceId() + " (" + p.source() + ")"},
                {"first seen", stored.firstSeen().toString()},
                {"job key", job.keyText()},
                {"job", job.summary()}};
        Table.print(new String[] {"FIELD", "VALUE"}, rows, session.out);
        job.print(session.out);
        session.out.println();
        session.out.println(p.description());
        return 0;
    }

    /**
     * Un-merges a later copy from its job: it becomes a job of its own (and goes to the matcher as one, so its
     * subscribers hear of it), and the split is remembered on both postings so no later judgement merges them again.
     */
    private static int split(Session session, String id) {
        StoredPosting stored = find(session, id);
        if (!stored.identity().isCopy()) {
            String copies = String.join(", ", stored.identity().copies().keySet());
            throw new UsageException(id + " is the first copy of its job, not a copy of another"
                    + (copies.isEmpty() ? "" : "; split one of its copies: " + copies));
        }
        String first = stored.identity().duplicateOf();
        if (!session.postings().split(stored))
            throw new UsageException(id + " was split from " + first + " already (see: postings show " + id + ")");
        session.done("split " + id + " from " + first + ": it is a job of its own now, and will not be merged with " + first + " again",
                "split", id, "from", first);
        return 0;
    }

    private static StoredPosting find(Session session, String id) {
        return session.postings().find(id).orElseThrow(() -> new UsageException("no posting with id " + id + " (see: postings list)"));
    }

    private static String salary(Posting p) {
        var s = p.salary();
        String range = (s.min() == null ? "" : String.format("%,.0f", s.min())) + (s.min() != null && s.max() != null ? "–" : "")
                + (s.max() == null ? "" : String.format("%,.0f", s.max()));
        return range + " " + (s.currency() == null ? "" : s.currency() + " ") + "per " + s.period().toLowerCase();
    }

    static ObjectNode toJson(StoredPosting stored) {
        ObjectNode node = Json.mapper().valueToTree(stored.posting());
        node.put("sourceId", stored.sourceId());
        node.put("firstSeen", stored.firstSeen().toString());
        if (stored.identity().isCopy()) node.put("duplicateOf", stored.identity().duplicateOf());
        return node;
    }

    private static String cut(String text) {
        if (text == null) return "";
        return text.length() <= CELL ? text : text.substring(0, CELL - 1) + "…";
    }
}
