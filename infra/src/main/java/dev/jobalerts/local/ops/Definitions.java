package dev.jobalerts.local.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.UsageException;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads source definitions from the operator's JSON (a {@code --config} object or an {@code infra/sources.json}
 * array) and checks them the way the fetcher and parser will read them, so a mistake is reported at the terminal,
 * with the place it is in, rather than as a broken source an hour later.
 */
public final class Definitions {
    private static final Adapters ADAPTERS = new Adapters();

    private Definitions() {}

    public static JsonNode readFile(String file) {
        try {
            return Json.mapper().readTree(Files.readString(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (JsonProcessingException e) {
            throw new UsageException(file + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** JSON from a stream, e.g. standard input; {@code what} names it in messages. */
    public static JsonNode read(java.io.InputStream in, String what) {
        try {
            JsonNode node = Json.mapper().readTree(in);
            if (node == null || node.isMissingNode()) throw new UsageException(what + " is empty: pipe a sources.json array into it, e.g. from sources export");
            return node;
        } catch (JsonProcessingException e) {
            throw new UsageException(what + " is not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + ": " + e.getMessage());
        }
    }

    /** A definition from one JSON object; {@code where} names it in messages, e.g. {@code sources.json[3]}. */
    public static SourceDefinition of(JsonNode node, String where) {
        try {
            SourceDefinition definition = SourceJson.read(node, where);
            // The fetcher reads it through this board: a URL its kind cannot use, or credentials it does not take, fail here.
            ADAPTERS.check(definition);
            return definition;
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new UsageException(message.startsWith(where) ? message : where + ": " + message);
        }
    }

    /** Every definition of a sources.json-style array, all checked before any is used; ids must be unique. */
    public static List<SourceDefinition> ofArray(JsonNode array, String file) {
        if (array == null || !array.isArray()) throw new UsageException(file + " must hold a JSON array of sources, like infra/sources.json");
        List<SourceDefinition> definitions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            SourceDefinition definition = of(array.get(i), file + "[" + i + "]");
            if (!ids.add(definition.id())) throw new UsageException(file + "[" + i + "]: id \"" + definition.id() + "\" appears twice");
            definitions.add(definition);
        }
        return definitions;
    }

    /**
     * A default id from the URL's host and path: {@code https://www.example.com/careers/} → {@code example-com-careers}.
     * Readable in {@code sources list}, stable for the same URL, and within SourceDefinition's id rules.
     */
    static String slug(String url) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("url is not a valid URL: " + url);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        String port = uri.getPort() < 0 ? "" : "-" + uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT).replaceFirst("\\.(html?|json|xml|php|aspx?)$", "");
        String slug = (host + port + "-" + path).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 64) slug = slug.substring(0, 64).replaceAll("-+$", "");
        if (slug.isEmpty()) throw new UsageException("cannot derive an id from " + url + "; give one with --id");
        return slug;
    }
}
