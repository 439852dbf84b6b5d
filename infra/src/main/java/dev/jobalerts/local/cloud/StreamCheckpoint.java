package dev.jobalerts.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one stream poller got to, kept in a file so a restarted {@code serve --data} resumes after the last record
 * its handler finished instead of at the start of the stream (what Lambda's event source mapping keeps for us in
 * AWS). Per shard: the sequence number of the last record handled, or that the shard is closed and read to its end.
 * Saved after every batch, whole (write aside, then rename): a {@code kill -9} loses at most the batch in flight,
 * which is then handled again, and every handler is idempotent for a replayed record.
 *
 * @param file where the positions live, e.g. {@code DIR/streams/MatcherFunction.PostingsTable.json}
 */
public record StreamCheckpoint(Path file) {

    /** Positions in one stream. */
    public record Positions(String streamArn, Map<String, String> lastHandled, Set<String> finished) {
        public Positions {
            lastHandled = Map.copyOf(lastHandled);
            finished = Set.copyOf(finished);
        }

        static Positions none(String streamArn) {
            return new Positions(streamArn, Map.of(), Set.of());
        }
    }

    /**
     * The saved positions for {@code streamArn}; none when nothing was saved yet or they belong to another stream (the
     * table was created anew, so the old sequence numbers mean nothing in it).
     */
    public Positions load(String streamArn) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Positions.none(streamArn);
        } catch (IOException e) {
            // Files are replaced whole, so this is damage from outside: say so, and start over rather than refuse to run.
            System.err.println("{\"level\":\"WARN\",\"message\":\"stream checkpoint unreadable, reading the stream from its start\",\"file\":\""
                    + file + "\",\"error\":\"" + e.getMessage().replace('"', '\'') + "\"}");
            return Positions.none(streamArn);
        }
        if (node == null || !streamArn.equals(node.path("streamArn").asText())) return Positions.none(streamArn);
        Map<String, String> last = new LinkedHashMap<>();
        node.path("lastHandled").fields().forEachRemaining(e -> last.put(e.getKey(), e.getValue().asText()));
        Set<String> finished = new LinkedHashSet<>();
        node.path("finished").forEach(shard -> finished.add(shard.asText()));
        return new Positions(streamArn, last, finished);
    }

    public void save(Positions positions) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("streamArn", positions.streamArn());
        ObjectNode last = node.putObject("lastHandled");
        positions.lastHandled().forEach(last::put);
        positions.finished().forEach(node.putArray("finished")::add);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the stream position in " + file, e);
        }
    }
}
