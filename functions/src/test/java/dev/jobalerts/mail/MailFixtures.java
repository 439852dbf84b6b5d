package dev.jobalerts.mail;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.subscribe.Frequency;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Alerts made up for tests and the render benchmark; every name and address is invented. */
final class MailFixtures {
    static final String MANAGE = "https://alerts.example.test/manage?token=mgr-tok-123&s=sub-1";
    static final String UNSUBSCRIBE = "https://alerts.example.test/unsubscribe?token=unsub-tok-456";
    static final String FEED = "https://alerts.example.test/feeds/f.feed-tok-789.atom";
    static final String FROM = "Job Alerts <alerts@example.test>";
    static final String TO = "ada@example.test";

    private MailFixtures() {}

    static Posting posting(int n, String company) {
        return new Posting("p-" + n, "https://jobs.example.test/postings/" + n, "Senior Python Engineer " + n,
                company, n % 2 == 0 ? "Berlin, Germany" : "London, UK", n % 3 == 0, "FULL_TIME", "2026-11-20",
                n % 2 == 0 ? new Salary(70000.0, 90000.0, "eur", "YEAR") : null,
                "We build data pipelines in Python and Django.\n\nYou will own services end to end, review code, "
                        + "and help us grow a small team that cares about tests. Posting number " + n + ".",
                "test");
    }

    static AlertItem item(int n, String company) {
        return new AlertItem(posting(n, company), List.of("python", "django"));
    }

    static List<AlertItem> items(int count) {
        List<String> companies = List.of("Nielsen", "Infosys", "Acme Analytics", "Globex");
        return IntStream.range(0, count).mapToObj(n -> item(n, companies.get(n % companies.size()))).toList();
    }

    static AlertEmail alert(String frequency, AlertSection... sections) {
        return new AlertEmail(TO, FROM, List.of(sections), MANAGE, UNSUBSCRIBE, FEED, Frequency.fromWire(frequency));
    }

    static AlertEmail alert(int postings) {
        return alert("instant", new AlertSection("python backend", items(postings)));
    }

    static List<AlertItem> withItems(AlertItem... items) {
        return new ArrayList<>(List.of(items));
    }
}
