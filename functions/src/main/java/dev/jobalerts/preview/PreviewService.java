package dev.jobalerts.preview;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.PreparedPostings;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.PostingStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows what a search would have matched before it is saved: the search is tested against the postings first seen
 * in the last {@link PreviewSettings#days()} days (at most the newest {@link PreviewSettings#maxPostings()}), kept in
 * the warm container and read again at most every {@link PreviewSettings#refreshEvery()}. The matching is the
 * matcher's own ({@link PreparedPostings}). Callers validate the search first, as for a sign-up.
 */
public final class PreviewService {
    private final RecentWindow window;
    private final PreviewSettings settings;
    private final Clock clock;

    public PreviewService(PostingStore postings, PreviewSettings settings, Clock clock) {
        this.window = new RecentWindow(postings, settings, clock);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws dev.jobalerts.search.InvalidSearchException when the query does not parse (the API refuses such a search before)
     */
    public Preview preview(SavedSearch search) {
        RecentWindow.Snapshot snapshot = window.current();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PreparedPostings.Result result = snapshot.prepared().test(search, today, settings.examples());
        List<Preview.Example> examples = new ArrayList<>(result.first().size());
        for (PreparedPostings.Hit hit : result.first())
            examples.add(example(snapshot.postings().get(hit.index()).posting(), hit.matchedTerms()));
        return new Preview(result.matches(), snapshot.postings().size(), settings.days(), examples);
    }

    /** What one read of the window costs, for the benchmark and the operator. */
    public record WindowRead(int postings, double readUnits, int requests, long wallMillis, long cpuMillis) {}

    /** Reads the window now, whatever its age, and says what that cost. */
    public WindowRead readWindowNow() {
        window.refresh(true);
        return window.lastRefresh();
    }

    private static Preview.Example example(Posting posting, List<String> matched) {
        return new Preview.Example(posting.title(), posting.company(), posting.location(),
                posting.url().isEmpty() ? null : posting.url(), posting.datePosted(), matched);
    }
}
