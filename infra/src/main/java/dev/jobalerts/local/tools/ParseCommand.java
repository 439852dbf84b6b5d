package dev.jobalerts.local.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.ReadSpec;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.http.BodyDecoder;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Converters;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cli.UsageException;
import dev.jobalerts.local.ops.Definitions;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parse --url URL [--config SOURCE.json] [--fetched-at ISO-INSTANT] FILE}: runs the extractor on a saved
 * page or API response and prints each posting found as one JSON line (the Posting shape). No posting: exit 0 and
 * no output. Bad usage, an unreadable file or a bad config: a message on stderr and exit 2. Extraction warnings go
 * to stderr and do not change the exit code, as a malformed page is an expected input.
 */
@Command(name = "parse", description = {"print the postings in a saved page or API response, one JSON object a line",
        "Nothing (exit 0) when it holds none. The content type is told by the file name: .json, .xml/.rss/.atom,",
        "else HTML."})
public final class ParseCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", description = "the URL the file was fetched from (required unless the config has one)")
    String url;
    @Option(names = "--config", paramLabel = "SOURCE.json", description = "the source definition to read it with, checked as sources add checks it")
    Path config;
    @Option(names = "--fetched-at", paramLabel = "INSTANT", converter = Converters.IsoInstant.class,
            description = "when it was fetched, e.g. 2026-04-10T12:00:00Z (default: the file's modification time)")
    Instant fetchedAt;
    @Parameters(paramLabel = "FILE", description = "the saved page or API response")
    Path file;

    private final Terminal terminal;

    ParseCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        SourceDefinition source = definition();
        PageContent page;
        try {
            page = readPage(file, url != null ? url : source.url(), fetchedAt != null ? fetchedAt : Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + describe(e));
        }
        ExtractionResult result = new SourceReader().read(page, ReadSpec.any(source));
        for (String warning : result.warnings()) terminal.err().println("parse: warning: " + warning);
        for (Posting posting : result.postings()) terminal.out().println(Json.write(posting));
        terminal.out().flush();
        return 0;
    }

    /**
     * The source the file came from: the {@code --config} definition, checked as {@code sources add} checks it (an
     * unknown field or kind is an error), with the {@code --url} as its URL when it has none.
     */
    private SourceDefinition definition() {
        ObjectNode node;
        String where = config == null ? "--url" : "config " + config;
        if (config == null) {
            node = Json.mapper().createObjectNode();
        } else {
            JsonNode read = Definitions.readFile(config.toString());
            if (!read.isObject()) throw new UsageException(where + " must hold one JSON object (a source definition)");
            node = (ObjectNode) read;
        }
        if (!node.hasNonNull("id")) node.put("id", "parse");
        if (!node.hasNonNull("url")) {
            if (url == null || url.isBlank()) throw new UsageException("--url is required (the URL the file was fetched from)");
            node.put("url", url);
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
}
