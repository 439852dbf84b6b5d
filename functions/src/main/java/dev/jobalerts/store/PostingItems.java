package dev.jobalerts.store;

import static dev.jobalerts.store.Attrs.bool;
import static dev.jobalerts.store.Attrs.dbl;
import static dev.jobalerts.store.Attrs.flag;
import static dev.jobalerts.store.Attrs.n;
import static dev.jobalerts.store.Attrs.putIfPresent;
import static dev.jobalerts.store.Attrs.s;
import static dev.jobalerts.store.Attrs.str;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a stored posting to and from a DynamoDB item; the matcher reads the same shape from the stream image. */
public final class PostingItems {
    /** Postings older than this are of no use to an alert; TTL removes them. */
    static final Duration RETENTION = Duration.ofDays(180);
    /** The UTC day ({@code 2026-11-22}) a posting was first seen: the partition key of the {@code byFirstSeenDay} index. */
    static final String FIRST_SEEN_DAY = "firstSeenDay";
    /**
     * What the {@code byFirstSeenDay} index carries besides the keys: what a preview tests (title, company, description,
     * location, remote, type, date, salary) and shows (url). Not the source fields nor the expiry. template.yaml's
     * {@code NonKeyAttributes} lists exactly these (TemplateTest holds them together).
     */
    public static final List<String> PREVIEW_ATTRIBUTES = List.of(
            "url", "title", "company", "location", "remote", "employmentType", "datePosted", "salary", "description");

    private PostingItems() {}

    public static Map<String, AttributeValue> toItem(StoredPosting stored) {
        Posting p = stored.posting();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("postingId", s(p.id()));
        item.put("url", s(p.url()));
        item.put("title", s(p.title()));
        item.put("company", s(p.company()));
        item.put("location", s(p.location()));
        item.put("remote", bool(p.remote()));
        putIfPresent(item, "employmentType", p.employmentType());
        putIfPresent(item, "datePosted", p.datePosted());
        item.put("description", s(p.description()));
        item.put("source", s(p.source()));
        item.put("sourceId", s(stored.sourceId()));
        item.put("firstSeen", s(stored.firstSeen().toString()));
        item.put(FIRST_SEEN_DAY, s(firstSeenDay(stored.firstSeen())));
        item.put("expiresAt", n(stored.firstSeen().plus(RETENTION).getEpochSecond()));
        if (p.salary() != null) {
            Map<String, AttributeValue> salary = new HashMap<>();
            if (p.salary().min() != null) salary.put("min", n(p.salary().min()));
            if (p.salary().max() != null) salary.put("max", n(p.salary().max()));
            putIfPresent(salary, "currency", p.salary().currency());
            salary.put("period", s(p.salary().period()));
            if (p.salary().fromText()) salary.put("fromText", bool(true));
            item.put("salary", AttributeValue.fromM(salary));
        }
        return item;
    }

    /** The UTC day of an instant as the index keys it. */
    static String firstSeenDay(Instant firstSeen) {
        return LocalDate.ofInstant(firstSeen, ZoneOffset.UTC).toString();
    }

    public static StoredPosting fromItem(Map<String, AttributeValue> item) {
        Salary salary = null;
        AttributeValue salaryValue = item.get("salary");
        if (salaryValue != null && salaryValue.hasM()) {
            Map<String, AttributeValue> m = salaryValue.m();
            salary = new Salary(dbl(m, "min"), dbl(m, "max"), str(m, "currency"), str(m, "period"), flag(m, "fromText"));
        }
        Posting posting = new Posting(str(item, "postingId"), str(item, "url"), str(item, "title"), str(item, "company"),
                str(item, "location"), flag(item, "remote"), str(item, "employmentType"), str(item, "datePosted"),
                salary, str(item, "description"), str(item, "source"));
        String firstSeen = str(item, "firstSeen");
        return new StoredPosting(posting, str(item, "sourceId"), firstSeen == null ? Instant.EPOCH : Instant.parse(firstSeen));
    }
}
