package dev.jobalerts.store;

import static dev.jobalerts.store.Attrs.bin;
import static dev.jobalerts.store.Attrs.bool;
import static dev.jobalerts.store.Attrs.dbl;
import static dev.jobalerts.store.Attrs.flag;
import static dev.jobalerts.store.Attrs.n;
import static dev.jobalerts.store.Attrs.num;
import static dev.jobalerts.store.Attrs.putIfPresent;
import static dev.jobalerts.store.Attrs.s;
import static dev.jobalerts.store.Attrs.str;

import dev.jobalerts.dedupe.Candidate;
import dev.jobalerts.dedupe.Copy;
import dev.jobalerts.dedupe.JobIdentity;
import dev.jobalerts.dedupe.Signature;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        if (p.salary() != null) item.put("salary", salary(p.salary()));
        if (!stored.sourceName().equals(stored.sourceId())) item.put("sourceName", s(stored.sourceName()));
        putIdentity(item, stored.identity());
        return item;
    }

    /** The UTC day of an instant as the index keys it. */
    static String firstSeenDay(Instant firstSeen) {
        return LocalDate.ofInstant(firstSeen, ZoneOffset.UTC).toString();
    }

    /**
     * The job identity's attributes. Only a posting that can be compared gets a {@code jobKey}, so only those are in
     * the sparse {@code byJobKey} index; every such item starts with an empty {@code copies} map, which later copies are
     * added to one by one (an update cannot add a member to a map that does not exist).
     */
    private static void putIdentity(Map<String, AttributeValue> item, JobIdentity identity) {
        if (identity.key() != null) {
            item.put("jobKey", s(identity.key()));
            item.put("descSig", Attrs.bytes(identity.signature().toBytes()));
            Map<String, AttributeValue> copies = new LinkedHashMap<>();
            identity.copies().forEach((id, copy) -> copies.put(id, copy(copy)));
            item.put("copies", AttributeValue.fromM(copies));
        }
        putIfPresent(item, "duplicateOf", identity.duplicateOf());
        if (identity.similarity() != null) item.put("similarity", n(identity.similarity()));
        // DynamoDB has no empty sets: no split, no attribute.
        if (!identity.splitFrom().isEmpty()) item.put("splitFrom", AttributeValue.fromSs(List.copyOf(identity.splitFrom())));
    }

    static AttributeValue salary(Salary value) {
        Map<String, AttributeValue> salary = new HashMap<>();
        if (value.min() != null) salary.put("min", n(value.min()));
        if (value.max() != null) salary.put("max", n(value.max()));
        putIfPresent(salary, "currency", value.currency());
        salary.put("period", s(value.period()));
        if (value.fromText()) salary.put("fromText", bool(true));
        return AttributeValue.fromM(salary);
    }

    private static Salary salary(AttributeValue value) {
        if (value == null || !value.hasM()) return null;
        Map<String, AttributeValue> m = value.m();
        return new Salary(dbl(m, "min"), dbl(m, "max"), str(m, "currency"), str(m, "period"), flag(m, "fromText"));
    }

    /** A later copy as its first copy lists it under {@code copies}. */
    static AttributeValue copy(Copy copy) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("sourceId", s(copy.sourceId()));
        m.put("sourceName", s(copy.sourceName()));
        m.put("url", s(copy.url()));
        m.put("firstSeen", s(copy.firstSeen().toString()));
        m.put("similarity", n(copy.similarity()));
        if (copy.salary() != null) m.put("salary", salary(copy.salary()));
        putIfPresent(m, "employmentType", copy.employmentType());
        putIfPresent(m, "datePosted", copy.datePosted());
        m.put("descriptionHead", s(copy.descriptionHead()));
        m.put("descriptionLength", n(copy.descriptionLength()));
        return AttributeValue.fromM(m);
    }

    private static Copy copy(String postingId, AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        Double similarity = dbl(m, "similarity");
        Long length = num(m, "descriptionLength");
        return new Copy(postingId, str(m, "sourceId"), str(m, "sourceName"), str(m, "url"), instant(str(m, "firstSeen")),
                similarity == null ? 0 : similarity, salary(m.get("salary")), str(m, "employmentType"), str(m, "datePosted"),
                str(m, "descriptionHead"), length == null ? 0 : length.intValue());
    }

    private static JobIdentity identity(Map<String, AttributeValue> item) {
        Signature signature = Signature.fromBytes(bin(item, "descSig")).orElse(null);
        String key = signature == null ? null : str(item, "jobKey");
        Map<String, Copy> copies = new LinkedHashMap<>();
        AttributeValue listed = item.get("copies");
        if (listed != null && listed.hasM()) listed.m().forEach((id, copy) -> {
            if (copy.hasM()) copies.put(id, copy(id, copy));
        });
        AttributeValue split = item.get("splitFrom");
        return new JobIdentity(key, key == null ? null : signature, str(item, "duplicateOf"), dbl(item, "similarity"), copies,
                split != null && split.hasSs() ? Set.copyOf(split.ss()) : Set.of());
    }

    /** A posting as the {@code byJobKey} index projects it: the judgement's view of a stored key-mate. */
    static Candidate candidate(Map<String, AttributeValue> item) {
        AttributeValue split = item.get("splitFrom");
        return new Candidate(str(item, "postingId"), instant(str(item, "firstSeen")), str(item, "duplicateOf"),
                Signature.fromBytes(bin(item, "descSig")).orElse(null), split != null && split.hasSs() ? Set.copyOf(split.ss()) : Set.of());
    }

    private static Instant instant(String text) {
        return text == null ? Instant.EPOCH : Instant.parse(text);
    }

    public static StoredPosting fromItem(Map<String, AttributeValue> item) {
        Salary salary = salary(item.get("salary"));
        Posting posting = new Posting(str(item, "postingId"), str(item, "url"), str(item, "title"), str(item, "company"),
                str(item, "location"), flag(item, "remote"), str(item, "employmentType"), str(item, "datePosted"),
                salary, str(item, "description"), str(item, "source"));
        return new StoredPosting(posting, str(item, "sourceId"), instant(str(item, "firstSeen")), str(item, "sourceName"), identity(item));
    }
}
