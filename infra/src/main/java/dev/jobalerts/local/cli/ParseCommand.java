package dev.jobalerts.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.ReadSpec;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.fetch.BodyDecoder;
import dev.jobalerts.local.ops.Definitions;
import dev.jobalerts.local.ops.UsageException;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.json.Json;
import dev.jobalerts.posting.Posting;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code parse --url URL [--config SOURCE.json] [--fetched-at ISO-INSTANT] FILE}: runs the extractor on a saved
 * page or API response and prints each posting found as one JSON line (the Posting shape). No posting: exit 0 and
 * no output. Bad usage, an unreadable file or a bad config: a message on stderr and exit 2. Extraction warnings go
 * to stderr and do not change the exit code, as a malformed page is an expected input.
 */
public final class ParseCommand {
    static final String USAGE = "usage: parse --url URL [--config SOURCE.json] [--fetched-at 2026-04-10T12:00:00Z] FILE";

    private ParseCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("parse: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SourceDefinition source;
        try {
            source = definition(options);
        } catch (UsageException e) {
            err.println("parse: " + e.getMessage());
            return 2;
        }
        String url = options.url != null ? options.url : source.url();
        PageContent page;
        try {
            Instant fetchedAt = options.fetchedAt != null ? options.fetchedAt : Files.getLastModifiedTime(options.file).toInstant();
            page = readPage(options.file, url, fetchedAt);
        } catch (IOException e) {
            err.println("parse: cannot read " + options.file + ": " + describe(e));
            return 2;
        }
        ExtractionResult result = new SourceReader().read(page, ReadSpec.any(source));
        for (String warning : result.warnings()) err.println("parse: warning: " + warning);
        for (Posting posting : result.postings()) out.println(Json.write(posting));
        out.flush();
        return 0;
    }

    /**
     * The source the file came from: the {@code --config} definition, checked as {@code sources add} checks it (an
     * unknown field or kind is an error), with the {@code --url} as its URL when it has none.
     */
    private static SourceDefinition definition(Options options) {
        ObjectNode node;
        String where = options.config == null ? "--url" : "config " + options.config;
        if (options.config == null) {
            node = Json.mapper().createObjectNode();
        } else {
            JsonNode read = Definitions.readFile(options.config.toString());
            if (!read.isObject()) throw new UsageException(where + " must hold one JSON object (a source definition)");
            node = (ObjectNode) read;
        }
        if (!node.hasNonNull("id")) node.put("id", "parse");
        if (!node.hasNonNull("url")) {
            if (options.url == null || options.url.isBlank()) throw new UsageException("--url is required (the URL the file was fetched from)\n" + USAGE);
            node.put("url", options.url);
        }
        return Definitions.of(node, where);
    }

    /** A saved page as the extractor sees it; the content type is guessed from the file name, the body decoded. */
    public static PageContent readPage(Path file, String url, Instant fetchedAt) throws IOException {
        if (Files.isDirectory(file)) throw new IOException("is a directory");
        String contentType = contentType(file);
        // The fetcher's decoder, so a saved page reads exactly as it would have over HTTP (BOM, meta charset, XML prolog).
        return new PageContent(url, contentType, BodyDecoder.decode(Files.readAllBytes(file), contentType), fetchedAt);
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) return "application/json";
        if (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom")) return "application/xml";
        return "text/html";
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The command line, checked. */
    private record Options(String url, Path config, Instant fetchedAt, Path file) {
        static Options parse(String[] args) {
            String url = null;
            Path config = null;
            Instant fetchedAt = null;
            Path file = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--url" -> url = value(args, ++i, arg);
                    case "--config" -> config = Path.of(value(args, ++i, arg));
                    case "--fetched-at" -> {
                        String value = value(args, ++i, arg);
                        try {
                            fetchedAt = Instant.parse(value);
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("--fetched-at must be an ISO instant such as 2026-04-10T12:00:00Z, was " + value);
                        }
                    }
                    default -> {
                        if (arg.startsWith("--")) throw new IllegalArgumentException("unknown option " + arg);
                        if (file != null) throw new IllegalArgumentException("only one FILE may be given");
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) throw new IllegalArgumentException("FILE is required");
            return new Options(url, config, fetchedAt, file);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) throw new IllegalArgumentException(option + " needs a value");
            return args[i];
        }
    }
}
