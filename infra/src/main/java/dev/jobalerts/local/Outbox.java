package dev.jobalerts.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads what the local cloud's {@link OutboxMailer} wrote: which emails are alerts, and the links inside them. */
public final class Outbox {
    private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://[^\\s\"'<>]+/subscriptions/confirm\\?token=[A-Za-z0-9._%-]+)");
    private final Path directory;

    public Outbox(Path directory) {
        this.directory = directory;
    }

    /** Every .eml, oldest first (names start with a timestamp and a counter). */
    public List<Path> emails() {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the outbox " + directory, e);
        }
    }

    /** Alerts carry List-Unsubscribe (RFC 8058); confirmation emails do not. */
    public List<Path> alerts() {
        return emails().stream().filter(p -> read(p).contains("\nList-Unsubscribe:")).toList();
    }

    /** The confirmation link of the newest confirmation email to {@code address}. */
    public Optional<String> latestConfirmLink(String address) {
        List<Path> all = emails();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!read(all.get(i)).contains(address)) continue;
            // The .html preview beside each .eml is plain UTF-8, free of the MIME transfer encoding.
            Path preview = Path.of(all.get(i).toString().replaceFirst("\\.eml$", ".html"));
            if (!Files.exists(preview)) continue;
            Matcher link = CONFIRM_LINK.matcher(org.jsoup.parser.Parser.unescapeEntities(read(preview), true));
            if (link.find()) return Optional.of(link.group(1));
        }
        return Optional.empty();
    }

    /** Removes earlier runs' mail so "the first email" means this run's. */
    public void clear() {
        for (Path mail : listAll()) {
            try {
                Files.deleteIfExists(mail);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear the outbox " + directory, e);
            }
        }
    }

    private List<Path> listAll() {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".eml") || p.toString().endsWith(".html")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the outbox " + directory, e);
        }
    }

    static String read(Path mail) {
        try {
            return "\n" + Files.readString(mail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mail, e);
        }
    }
}
