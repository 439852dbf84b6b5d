package dev.jobalerts.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.coldstart.Lazy;
import dev.jobalerts.extract.ExtractionConfig;
import dev.jobalerts.extract.PageReaders;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every board family we read through its own API, and the one place that decides which reads a source: the kind
 * the source names, else the family whose URL it is, else the page readers. Stateless and thread-safe.
 */
public final class Adapters {
    /**
     * The families and the page readers are made on first use: a function's constructor should not pay for them. The
     * families are stateless and the same for everyone, so they are shared (SnapStart priming makes them once).
     */
    private static final Lazy<Map<SourceKind, SourceAdapter>> FAMILIES = Lazy.of(Adapters::byKind);
    private final Lazy<PageReaders> readers;

    public Adapters() {
        this.readers = Lazy.of(PageReaders::new);
    }

    Adapters(PageReaders readers) {
        this.readers = Lazy.of(() -> readers);
    }

    private static Map<SourceKind, SourceAdapter> byKind() {
        Map<SourceKind, SourceAdapter> byKind = new LinkedHashMap<>();
        for (SourceAdapter adapter : all()) {
            SourceAdapter previous = byKind.put(adapter.kind(), adapter);
            if (previous != null) throw new IllegalStateException("two adapters for " + adapter.kind());
        }
        return Collections.unmodifiableMap(byKind);
    }

    /**
     * Detection order: the families with the most specific URLs first. The remote job boards come before Ashby, whose
     * shape test (a {@code jobs} array beside {@code apiVersion}) would also take Jobicy's answers.
     */
    private static List<SourceAdapter> all() {
        // Jobicy before Ashby: Ashby's shape test (a "jobs" array beside "apiVersion") would claim Jobicy's answers too.
        return List.of(new GreenhouseAdapter(), new LeverAdapter(),
                new RemotiveAdapter(), new RemoteOkAdapter(), new ArbeitnowAdapter(), new JobicyAdapter(), new HimalayasAdapter(),
                new WorkingNomadsAdapter(), new TheMuseAdapter(),
                new AshbyAdapter(), new WorkdayAdapter(), new SmartRecruitersAdapter(), new RecruiteeAdapter(), new WorkableAdapter(),
                new PersonioAdapter(), new BambooHrAdapter(), new TeamtailorAdapter(), new UsajobsAdapter(), new AdzunaAdapter());
    }

    /** The adapters, in detection order (for the README's table and tests). */
    public List<SourceAdapter> adapters() {
        return List.copyOf(FAMILIES.get().values());
    }

    public Optional<SourceAdapter> adapter(SourceKind kind) {
        return Optional.ofNullable(FAMILIES.get().get(kind));
    }

    PageReaders readers() {
        return readers.get();
    }

    /** The family a URL belongs to, by its URL alone: what {@code sources add} and {@code kind: auto} detect. */
    public Optional<Board> detect(URI url) {
        String key = url.toString().strip();
        Optional<Board> known = detected.get(key);
        if (known != null) return known;
        Optional<Board> found = Optional.empty();
        for (SourceAdapter adapter : FAMILIES.get().values()) {
            found = adapter.board(url);
            if (found.isPresent()) break;
        }
        // Every page of a source asks about the same URL; boards are immutable, so the answer is kept (bounded).
        if (detected.size() >= DETECTED_CAPACITY) detected.clear();
        detected.put(key, found);
        return found;
    }

    private static final int DETECTED_CAPACITY = 4_096;
    private final Map<String, Optional<Board>> detected = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The board a source is fetched through: its named family's (a URL that family cannot work from is refused with
     * the shapes it takes), the detected family's for {@code auto}, else the page readers.
     *
     * @throws IllegalArgumentException naming the problem, for a definition no board can serve
     */
    public Board board(SourceDefinition source) {
        URI url = URI.create(source.url());
        SourceKind kind = source.kind();
        if (kind.hasAdapter()) {
            SourceAdapter adapter = FAMILIES.get().get(kind);
            if (adapter == null) throw new IllegalArgumentException("kind " + kind + " has no adapter yet");
            return adapter.board(url).or(() -> adapter.boardAt(url)).orElseThrow(() -> new IllegalArgumentException(
                    "kind " + kind + " needs a URL like " + adapter.urlPatterns() + ", not " + source.url()));
        }
        if (kind == SourceKind.AUTO) {
            Optional<Board> detected = detect(url);
            if (detected.isPresent()) return detected.get();
        }
        return pageBoard(url, source);
    }

    /** The board that reads a stored answer of a source again; the page readers when nothing else claims it. */
    Board boardToRead(ReadSpec spec, String answerUrl, JsonNode json) {
        // A page reader's answer whose URLs no family claims (the common case, asked for on every page) needs no parsing.
        String sourceText = spec.sourceUrl() != null ? spec.sourceUrl() : answerUrl;
        if (spec.kind().isPageReader() || (spec.kind() == SourceKind.AUTO && json == null && knownUnclaimed(sourceText) && knownUnclaimed(answerUrl)))
            return new PageBoard(pageUri(answerUrl), spec.pageReaders(), 0, Integer.MAX_VALUE, readers.get());
        URI source = uri(sourceText);
        URI answer = uri(answerUrl);
        if (spec.kind().hasAdapter()) {
            SourceAdapter adapter = FAMILIES.get().get(spec.kind());
            if (adapter != null) {
                Optional<Board> board = source == null ? Optional.empty() : adapter.board(source).or(() -> adapter.boardAt(source));
                if (board.isEmpty() && answer != null) board = adapter.board(answer).or(() -> adapter.boardAt(answer));
                if (board.isPresent()) return board.get();
            }
        } else if (spec.kind() == SourceKind.AUTO) {
            for (URI url : new URI[] {source, answer}) {
                if (url == null) continue;
                Optional<Board> detected = detect(url);
                if (detected.isPresent()) return detected.get();
            }
            if (json != null && answer != null) {
                for (SourceAdapter adapter : FAMILIES.get().values()) {
                    if (!adapter.recognises(json)) continue;
                    Optional<Board> board = adapter.boardAt(answer);
                    if (board.isPresent()) return board.get();
                }
            }
        }
        return new PageBoard(answer == null ? URI.create("http://unknown.invalid/") : answer, spec.pageReaders(), 0, Integer.MAX_VALUE, readers.get());
    }

    /** Whether {@link #detect} already found that no family claims this URL. */
    private boolean knownUnclaimed(String url) {
        Optional<Board> known = url == null ? null : detected.get(url.strip());
        return known != null && known.isEmpty();
    }

    private static URI pageUri(String url) {
        URI parsed = uri(url);
        return parsed == null ? URI.create("http://unknown.invalid/") : parsed;
    }

    /**
     * Checks what the board families ask of a definition: the credentials its family needs, named and no others.
     *
     * @throws IllegalArgumentException naming the field
     */
    public void check(SourceDefinition source) {
        Board board = board(source);
        Set<String> needed = adapter(board.kind()).map(SourceAdapter::credentials).orElse(Set.of());
        for (String given : source.credentials().keySet())
            if (!needed.contains(given))
                throw new IllegalArgumentException("credentials." + given + " is not used by " + board.kind()
                        + (needed.isEmpty() ? ", which needs no credentials" : "; it needs " + new TreeSet<>(needed)));
        for (String wanted : new TreeSet<>(needed))
            if (!source.credentials().containsKey(wanted))
                throw new IllegalArgumentException("credentials." + wanted + " is required for " + board.kind()
                        + " (a reference such as env:" + board.kind().id().toUpperCase(Locale.ROOT) + "_" + wanted.toUpperCase(Locale.ROOT) + ")");
        ExtractionConfig.checkSelectors(source.kind(), source.selectors());
    }

    private PageBoard pageBoard(URI url, SourceDefinition source) {
        ExtractionConfig config = new ExtractionConfig(source.kind(), source.selectors(), source.givenName(), source.localeValue(), source.remote());
        return new PageBoard(url, config, source.followDetails(), source.maxPostings(), readers.get());
    }

    private static URI uri(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            URI uri = URI.create(text.strip());
            return uri.getHost() == null ? null : uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
