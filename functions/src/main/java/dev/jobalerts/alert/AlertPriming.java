package dev.jobalerts.alert;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.search.SearchIndex;
import dev.jobalerts.search.SearchMatch;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The mailing path for SnapStart priming of the functions that send alerts (matcher, digest): a saved search is
 * parsed and indexed, a sample posting matched against it, and the alert rendered, sent and recorded through the
 * dispatcher every runtime uses. Everything goes to the priming endpoint; no address receives anything.
 */
public final class AlertPriming {
    private static final String SEARCH = "python AND (django OR flask) -intern";

    private AlertPriming() {}

    /** A posting of the kind alerts carry: a salary, a description, a place. */
    public static StoredPosting samplePosting() {
        Posting posting = new Posting("priming:pl-1001", "https://careers.priming.invalid/jobs/pl-1001", "Backend Engineer (Python)",
                "Priming Labs", "Charlotte, NC", true, "FULL_TIME", LocalDate.now().toString(),
                new Salary(120_000.0, 150_000.0, "USD", "YEAR", false),
                "Build APIs in Python with Django and Flask.\n\nPostgreSQL, AWS.", "jsonld");
        return new StoredPosting(posting, "priming", Instant.now());
    }

    /** The subscriber sample alerts go to: active, instant, at an address nobody has. */
    public static Subscriber subscriber() {
        return new Subscriber("priming", "priming@example.com", SubscriberStatus.ACTIVE, Frequency.INSTANT, "UTC", "priming", Instant.now(), null);
    }

    /** The subscriber's one search, which matches {@link #samplePosting()}. */
    public static SavedSearch search() {
        return SavedSearch.ofQuery("priming", SEARCH);
    }

    /** Matches, renders, sends and records one alert; returns how many searches matched (1 while the sample holds). */
    public static int mailOneAlert(AlertDispatcher dispatcher) {
        SearchIndex index = new SearchIndex();
        index.put("priming", search());
        Posting posting = samplePosting().posting();
        List<SearchMatch> matches = index.match(posting, LocalDate.now(), LocalDate.now());
        List<AlertDispatcher.Claimed> claimed = matches.stream()
                .map(m -> new AlertDispatcher.Claimed(posting.id(), posting, List.of(), "priming", SearchLabels.describe(m.search()), m.matchedTerms()))
                .toList();
        dispatcher.send(subscriber(), claimed, Instant.now().plusSeconds(30));
        return matches.size();
    }
}
