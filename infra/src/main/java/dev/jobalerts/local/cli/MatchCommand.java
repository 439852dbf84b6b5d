package dev.jobalerts.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobalerts.json.Json;
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
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jobalerts.jar match --searches SEARCHES.jsonl --postings POSTINGS.jsonl [--now YYYY-MM-DD] [--explain]}:
 * prints {@code {"search": id, "posting": id}} per match, one per line. Both files hold one JSON object per line
 * (blank lines are skipped); a bad line is reported with its file and line number and nothing is printed.
 * Exit codes: 0 done, 2 bad usage or bad input.
 */
public final class MatchCommand {
    static final String USAGE =
            "usage: java -jar jobalerts.jar match --searches SEARCHES.jsonl --postings POSTINGS.jsonl [--now YYYY-MM-DD] [--explain]";

    private MatchCommand() {}

    /** Bad input, reported as one line on stderr with exit code 2. */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    private record Options(Path searches, Path postings, LocalDate now, boolean explain) {}

    /** For running without the CLI: {@code java -cp jobalerts.jar dev.jobalerts.local.cli.MatchCommand ...}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = options(args);
            SearchIndex index = new SearchIndex();
            Map<String, String> ids = new LinkedHashMap<>();
            readSearches(options.searches, index, ids);
            matchPostings(options, index, out);
            out.flush();
            return 0;
        } catch (BadInput e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static Options options(String[] args) throws BadInput {
        Path searches = null;
        Path postings = null;
        LocalDate now = LocalDate.now(ZoneOffset.UTC);
        boolean explain = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--searches" -> searches = Path.of(value(args, ++i, arg));
                case "--postings" -> postings = Path.of(value(args, ++i, arg));
                case "--now" -> now = date(value(args, ++i, arg));
                case "--explain" -> explain = true;
                default -> throw new BadInput("unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (searches == null || postings == null) throw new BadInput("--searches and --postings are required\n" + USAGE);
        return new Options(searches, postings, now, explain);
    }

    private static String value(String[] args, int i, String flag) throws BadInput {
        if (i >= args.length) throw new BadInput(flag + " needs a value\n" + USAGE);
        return args[i];
    }

    private static LocalDate date(String text) throws BadInput {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInput("--now must be YYYY-MM-DD, was " + text);
        }
    }

    /** Searches are keyed by id, the only identity the file gives them; a repeated id is an error, not a replace. */
    private static void readSearches(Path file, SearchIndex index, Map<String, String> seen) throws BadInput {
        try (BufferedReader reader = open(file)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) continue;
                SavedSearch search = parse(line, SavedSearch.class, file, lineNumber);
                if (seen.putIfAbsent(search.id(), search.id()) != null)
                    throw new BadInput(file + " line " + lineNumber + ": duplicate search id " + search.id());
                try {
                    index.put(search.id(), search);
                } catch (InvalidSearchException e) {
                    throw new BadInput(file + " line " + lineNumber + ": " + e.field() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void matchPostings(Options options, SearchIndex index, PrintStream out) throws BadInput {
        StringBuilder lines = new StringBuilder();
        try (BufferedReader reader = open(options.postings)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) continue;
                Posting posting = parse(line, Posting.class, options.postings, lineNumber);
                for (SearchMatch match : index.match(posting, null, options.now)) {
                    lines.append("{\"search\": ").append(Json.write(match.key()))
                            .append(", \"posting\": ").append(Json.write(posting.id()));
                    if (options.explain) lines.append(", \"matched\": ").append(Json.write(match.matchedTerms()));
                    lines.append("}\n");
                }
            }
        } catch (IOException e) {
            throw new BadInput("cannot read " + options.postings + ": " + e.getMessage());
        }
        // Printed only once every line parsed, so a bad line never leaves half an answer on stdout.
        out.print(lines);
    }

    private static BufferedReader open(Path file) throws IOException, BadInput {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInput("no such file: " + file);
        }
    }

    private static <T> T parse(String line, Class<T> type, Path file, int lineNumber) throws BadInput {
        try {
            return Json.mapper().readValue(line, type);
        } catch (JsonProcessingException e) {
            Throwable cause = rootCause(e);
            String message = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? cause.getMessage() : e.getOriginalMessage();
            String field = cause instanceof InvalidSearchException invalid ? invalid.field() + ": " : "";
            throw new BadInput(file + " line " + lineNumber + ": " + field + message);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause;
    }
}
