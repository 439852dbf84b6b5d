package dev.jobalerts.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.posting.EmploymentTypes;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.PostingDates;
import dev.jobalerts.posting.PlainText;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.posting.SalaryText;
import dev.jobalerts.url.HttpUrls;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The raw fields a reader or adapter found for one posting: a deliberately plain bag that each one fills as its
 * source allows. {@link #build} is the one place where they are normalised, so every reader produces the same shapes:
 * one-line title/company/location, plain-text description, {@code YYYY-MM-DD} date, schema.org employment type and a
 * stable id.
 */
public final class PostingDraft {
    /** The board family's own id, already prefixed ({@code workday:acme:R123}); null to use the canonical URL. */
    public String atsId;
    public String url;
    public String title;
    public String company;
    /**
     * The company is only the board's slug from its URL ("brightmeadow"), not a name the source gave: the source's own
     * name, when the operator gave it one, reads better in an email and wins.
     */
    public boolean companyFromSlug;
    public String location;
    public boolean remote;
    public String employmentType;
    /** As the source wrote it: ISO, RFC 822, epoch millis, "April 1, 2026", "Posted 3 Days Ago" … */
    public String datePosted;
    public Salary salary;
    /**
     * A salary as a page states it in words, with its label ("Annual salary: $90,000 – $110,000"); read by
     * {@link SalaryText} when there is no structured {@link #salary}, before the title and the description are.
     */
    public String salaryText;
    /** HTML or plain text as the source gave it; {@link PlainText#plain} tells them apart. */
    public String description;
    /** Plain text already made from the page's own elements; when set it wins over {@link #description}. */
    public String descriptionText;
    /** The source's locale: the order of a numeric date and the currency of a bare "$"; null for en-US. */
    public Locale locale;

    /** Sets the salary when the source states bounds and a period we know; an unknown period drops it rather than guess. */
    public void salary(Double min, Double max, String currency, String period) {
        String unit = period(period);
        if ((min == null && max == null) || unit == null) return;
        if ((min != null && (min <= 0 || min.isNaN())) || (max != null && (max <= 0 || max.isNaN()))) return;
        salary = new Salary(min, max, currency, unit);
    }

    /**
     * HOUR|DAY|WEEK|MONTH|YEAR from schema.org unitText, Lever intervals ("per-hour-wage") or Ashby intervals
     * ("1 YEAR"); null for anything else (one-time payments, missing units).
     */
    public static String period(String raw) {
        if (raw == null) return null;
        String text = raw.toLowerCase(Locale.ROOT);
        if (text.contains("hour")) return "HOUR";
        if (text.contains("day") || text.contains("daily")) return "DAY";
        if (text.contains("week")) return "WEEK";
        if (text.contains("month")) return "MONTH";
        if (text.contains("year") || text.contains("annual") || text.equals("yr") || text.contains("annum")) return "YEAR";
        return null;
    }

    /** Fills every field this draft lacks from {@code other} (a listing's view of the same posting). */
    public void fillFrom(PostingDraft other) {
        if (other == null) return;
        if (blank(atsId)) atsId = other.atsId;
        if (blank(url)) url = other.url;
        if (blank(title)) title = other.title;
        if (blank(company) || (companyFromSlug && !other.companyFromSlug && !blank(other.company))) {
            company = other.company;
            companyFromSlug = other.companyFromSlug;
        }
        if (blank(location)) location = other.location;
        remote |= other.remote;
        if (blank(employmentType)) employmentType = other.employmentType;
        if (blank(datePosted)) datePosted = other.datePosted;
        if (salary == null) salary = other.salary;
        if (blank(salaryText)) salaryText = other.salaryText;
        if (blank(description) && blank(descriptionText)) {
            description = other.description;
            descriptionText = other.descriptionText;
        }
    }

    /** The fields as JSON, to keep a listing's view of a posting with the detail page that completes it. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        putIfSet(node, "atsId", atsId);
        putIfSet(node, "url", url);
        putIfSet(node, "title", title);
        putIfSet(node, "company", company);
        if (companyFromSlug) node.put("companyFromSlug", true);
        putIfSet(node, "location", location);
        if (remote) node.put("remote", true);
        putIfSet(node, "employmentType", employmentType);
        putIfSet(node, "datePosted", datePosted);
        if (salary != null) node.set("salary", Json.mapper().valueToTree(salary));
        putIfSet(node, "salaryText", salaryText);
        putIfSet(node, "description", description);
        putIfSet(node, "descriptionText", descriptionText);
        return node;
    }

    /** The draft {@link #toJson} wrote; fields it does not know or cannot read are left empty. */
    public static PostingDraft fromJson(JsonNode node) {
        PostingDraft d = new PostingDraft();
        if (node == null || !node.isObject()) return d;
        d.atsId = LenientJson.text(node, "atsId");
        d.url = LenientJson.text(node, "url");
        d.title = LenientJson.text(node, "title");
        d.company = LenientJson.text(node, "company");
        d.companyFromSlug = node.path("companyFromSlug").asBoolean(false);
        d.location = LenientJson.text(node, "location");
        d.remote = node.path("remote").asBoolean(false);
        d.employmentType = LenientJson.text(node, "employmentType");
        d.datePosted = LenientJson.text(node, "datePosted");
        d.description = LenientJson.text(node, "description");
        d.descriptionText = LenientJson.text(node, "descriptionText");
        d.salaryText = LenientJson.text(node, "salaryText");
        if (node.path("salary").isObject()) {
            try {
                d.salary = Json.mapper().treeToValue(node.get("salary"), Salary.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                d.salary = null;
            }
        }
        return d;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) node.put(field, value);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The normalised posting, or empty when it has no title. Without a structured salary, one stated in words is
     * read from {@link #salaryText}, the title or the description (marked {@link Salary#fromText}).
     */
    public Optional<Posting> build(String source, String pageUrl, Instant fetchedAt) {
        String cleanTitle = PlainText.line(title);
        if (cleanTitle.isEmpty()) return Optional.empty();
        String cleanLocation = PlainText.line(location);
        String link = url == null || url.isBlank() ? pageUrl : url.trim();
        String id = atsId != null ? atsId : HttpUrls.canonical(link);
        if (id.isBlank()) return Optional.empty();
        String text = descriptionText != null ? descriptionText : PlainText.plain(description);
        Salary pay = salary;
        if (pay == null) pay = SalaryText.find(salaryText, locale);
        if (pay == null) pay = SalaryText.find(cleanTitle, locale);
        if (pay == null) pay = SalaryText.find(text, locale);
        return Optional.of(new Posting(
                id,
                link,
                cleanTitle,
                PlainText.line(company),
                cleanLocation,
                remote || PlainText.mentionsRemote(cleanLocation),
                EmploymentTypes.normalise(employmentType),
                PostingDates.normalise(datePosted, fetchedAt, locale),
                pay,
                text,
                source));
    }
}
