package dev.jobalerts.local.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Converters;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cli.UsageException;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.InvalidSearchException;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.search.SearchIndex;
import dev.jobalerts.search.SearchMatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobalerts.jar match --searches SEARCHES.jsonl --postings POSTINGS.jsonl [--now YYYY-MM-DD] [--explain]}:
 * prints {@code {"search": id, "posting": id}} per match, one per line. Both files hold one JSON object per line
 * (blank lines are skipped); a bad line is reported with its file and line number and nothing is printed.
 * Exit codes: 0 done, 2 bad usage or bad input.
 */
@Command(name = "match", description = {"print {\"search\": id, \"posting\": id} for every match of saved searches with postings",
        "Both files hold one JSON object a line; a bad line is reported with its file and line number, and nothing",
        "is printed."})
public final class MatchCommand implements Callable<Integer> {
    @Option(names = "--searches", paramLabel = "SEARCHES.jsonl", required = true, description = "saved searches, one a line")
    Path searches;
    @Option(names = "--postings", paramLabel = "POSTINGS.jsonl", required = true, description = "postings, one a line")
    Path postings;
    @Option(names = "--now", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "the day postedWithinDays counts back from (default: today, UTC)")
    LocalDate now = LocalDate.now(ZoneOffset.UTC);
    @Option(names = "--explain", description = "add the terms each match matched on")
    boolean explain;

    private final Terminal terminal;

    MatchCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        SearchIndex index = new SearchIndex();
        readSearches(searches, index, new LinkedHashMap<>());
        matchPostings(index, terminal.out());
        terminal.out().flush();
        return 0;
    }

    /** Searches are keyed by id, the only identity the file gives them; a repeated id is an error, not a replace. */
    private static void readSearches(Path file, SearchIndex index, Map<String, String> seen) {
        try (BufferedReader reader = open(file)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) continue;
                SavedSearch search = parse(line, SavedSearch.class, file, lineNumber);
                if (seen.putIfAbsent(search.id(), search.id()) != null)
                    throw new UsageException(file + " line " + lineNumber + ": duplicate search id " + search.id());
                try {
                    index.put(search.id(), search);
                } catch (InvalidSearchException e) {
                    throw new UsageException(file + " line " + lineNumber + ": " + e.field() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void matchPostings(SearchIndex index, PrintStream out) {
        StringBuilder lines = new StringBuilder();
        try (BufferedReader reader = open(postings)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) continue;
                Posting posting = parse(line, Posting.class, postings, lineNumber);
                for (SearchMatch match : index.match(posting, null, now)) {
                    lines.append("{\"search\": ").append(Json.write(match.key()))
                            .append(", \"posting\": ").append(Json.write(posting.id()));
                    if (explain) lines.append(", \"matched\": ").append(Json.write(match.matchedTerms()));
                    lines.append("}\n");
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + postings + ": " + e.getMessage());
        }
        // Printed only once every line parsed, so a bad line never leaves half an answer on stdout.
        out.print(lines);
    }

    private static BufferedReader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
    }

    private static <T> T parse(String line, Class<T> type, Path file, int lineNumber) {
        try {
            return Json.mapper().readValue(line, type);
        } catch (JsonProcessingException e) {
            Throwable cause = rootCause(e);
            String message = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? cause.getMessage() : e.getOriginalMessage();
            String field = cause instanceof InvalidSearchException invalid ? invalid.field() + ": " : "";
            throw new UsageException(file + " line " + lineNumber + ": " + field + message);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause;
    }
}
