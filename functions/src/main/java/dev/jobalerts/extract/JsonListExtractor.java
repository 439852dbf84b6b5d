package dev.jobalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.posting.EmploymentTypes;
import dev.jobalerts.url.HttpUrls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Job lists in JSON that no board adapter claims: a board's own API answer or a static {@code jobs.json}, and JSON
 * Feed (https://www.jsonfeed.org/version/1.1/). The list is the root array or the array of objects, at most
 * {@value #MAX_DEPTH} objects deep, with the most job-like items (under {@code data}, {@code jobs}, {@code results}
 * …); its members are read by the names boards commonly give them, compared without case, "_" or "-"
 * ({@code job_title}, {@code jobTitle} and {@code JobTitle} are one name).
 *
 * <p>Detection is conservative, so that no article, product or notice becomes a posting: an item counts only with a
 * title-like and a link-like member, and with a sign that it is a job (a job-specific title name, a company, salary,
 * employment type or remote member, or a list named {@code jobs}, {@code postings} …; a place or a date is no sign,
 * events and news have them too). Items of the list without them (a legal notice, an advert) are skipped; a single
 * object outside a list yields nothing. A salary is kept with its period only: {@code annualSalaryMin}-style names
 * are yearly, other bounds need an explicit period member.
 */
final class JsonListExtractor {
    static final String NAME = "json";
    /** How many objects deep the list may be: {"data": {"jobs": […]}} is two. */
    static final int MAX_DEPTH = 3;

    // Member names, normalised (lower case, letters and digits only), in order of preference.
    static final List<String> TITLES = List.of("title", "jobtitle", "positiontitle", "position", "jobname", "name");
    /** Title names no other kind of list uses. */
    static final Set<String> JOB_TITLES = Set.of("jobtitle", "positiontitle", "position", "jobname");
    /** Links to the posting's page before links to its application form. */
    static final List<String> LINKS = List.of("url", "absoluteurl", "joburl", "jobpageurl", "hostedurl", "link", "permalink",
            "redirecturl", "applyurl", "applicationurl", "applylink", "applyurlhref", "href");
    static final List<String> COMPANIES = List.of("company", "companyname", "hiringorganization", "employer", "employername",
            "organization", "organisation", "organizationname", "organisationname", "advertiser");
    static final List<String> LOCATIONS = List.of("location", "locations", "candidaterequiredlocation", "jobgeo", "joblocation",
            "joblocations", "city", "offices", "place");
    static final List<String> DATES = List.of("dateposted", "datepublished", "publishedat", "publicationdate", "pubdate",
            "postedat", "postedon", "posted", "postingdate", "createdat", "created", "date", "epoch");
    static final List<String> ANNUAL_MINIMA = List.of("annualsalarymin", "annualsalaryminimum", "yearlysalarymin");
    static final List<String> ANNUAL_MAXIMA = List.of("annualsalarymax", "annualsalarymaximum", "yearlysalarymax");
    static final List<String> MINIMA = List.of("salarymin", "minsalary", "salaryminimum", "minimumsalary", "salaryfrom");
    static final List<String> MAXIMA = List.of("salarymax", "maxsalary", "salarymaximum", "maximumsalary", "salaryto");
    static final List<String> SALARY_OBJECTS = List.of("salary", "compensation", "salaryrange", "pay");
    static final List<String> CURRENCIES = List.of("salarycurrency", "currency", "currencycode", "salarycurrencycode");
    static final List<String> PERIODS = List.of("salaryperiod", "salaryinterval", "payperiod", "period", "interval",
            "salaryunit", "unit", "unittext", "frequency", "payfrequency");
    static final List<String> DESCRIPTIONS = List.of("description", "jobdescription", "descriptionhtml", "content", "contenthtml",
            "body", "bodyhtml", "summary", "excerpt");
    static final List<String> REMOTE_FLAGS = List.of("remote", "isremote", "remotejob", "fullyremote");
    static final List<String> WORKPLACES = List.of("workplacetype", "locationtype", "remotetype", "workmode", "workarrangement");
    static final List<String> EMPLOYMENT = List.of("employmenttype", "employmenttypes", "jobtype", "jobtypes", "contracttype",
            "contracttime", "commitment", "timetype", "schedule", "type");
    /** Names of lists that hold jobs whatever their items look like. */
    static final Set<String> JOB_LISTS = Set.of("jobs", "joblist", "jobposts", "jobpostings", "postings", "positions",
            "openings", "jobopenings", "vacancies", "offers", "joboffers", "requisitions", "careers");
    private static final Set<String> REMOTE_WORDS = Set.of("remote", "fullyremote", "remoteonly", "remotefirst", "telecommute");
    /** Members whose object value names a thing by one of these. */
    private static final List<String> NAME_MEMBERS = List.of("name", "displayname", "title", "label", "text", "value", "rendered",
            "href", "url");

    List<PostingDraft> extract(List<JsonNode> values, Extraction ctx) {
        List<PostingDraft> drafts = new ArrayList<>();
        for (JsonNode value : values) {
            if (isJsonFeed(value)) {
                feed(value, ctx, drafts);
                continue;
            }
            Candidate list = jobList(value);
            if (list == null) continue;
            int index = 0;
            for (JsonNode item : list.array()) {
                int at = index++;
                if (!item.isObject()) continue;
                Map<String, JsonNode> fields = fields(item);
                if (!isJob(fields, list.jobNamed())) continue;
                ctx.each(drafts, "JSON list item #" + at, () -> draft(fields, ctx));
            }
        }
        return drafts;
    }

    /** A list found in the answer, and whether its name says it holds jobs. */
    record Candidate(JsonNode array, boolean jobNamed, int jobs) {}

    /** The array of objects with the most job-like items, when at least half its objects are; null when none is. */
    static Candidate jobList(JsonNode root) {
        List<Candidate> found = new ArrayList<>();
        collect(root, null, 0, found);
        Candidate best = null;
        for (Candidate c : found) if (c.jobs() > 0 && (best == null || c.jobs() > best.jobs())) best = c;
        return best;
    }

    private static void collect(JsonNode node, String name, int depth, List<Candidate> found) {
        if (node.isArray()) {
            boolean jobNamed = name != null && JOB_LISTS.contains(name);
            int objects = 0;
            int jobs = 0;
            for (JsonNode item : node) {
                if (!item.isObject()) continue;
                objects++;
                if (isJob(fields(item), jobNamed)) jobs++;
            }
            if (jobs > 0 && jobs * 2 >= objects) found.add(new Candidate(node, jobNamed, jobs));
            return;
        }
        if (!node.isObject() || depth >= MAX_DEPTH) return;
        for (Map.Entry<String, JsonNode> member : node.properties()) collect(member.getValue(), key(member.getKey()), depth + 1, found);
    }

    /** A title and a link, and a sign that the item is a job rather than an article or a product. */
    static boolean isJob(Map<String, JsonNode> fields, boolean jobNamedList) {
        String titleName = titleName(fields);
        if (titleName == null || link(fields) == null) return false;
        if (jobNamedList || JOB_TITLES.contains(titleName)) return true;
        // A place and a date are no sign: events and news have them too.
        return firstName(fields, COMPANIES) != null || firstName(fields, MINIMA) != null || firstName(fields, MAXIMA) != null
                || firstName(fields, ANNUAL_MINIMA) != null || firstName(fields, ANNUAL_MAXIMA) != null
                || employmentType(fields) != null || firstName(fields, REMOTE_FLAGS) != null || firstName(fields, WORKPLACES) != null;
    }

    /** The item's members by normalised name; the first of two members that normalise alike wins. */
    static Map<String, JsonNode> fields(JsonNode item) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : item.properties()) {
            JsonNode value = member.getValue();
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) continue;
            fields.putIfAbsent(key(member.getKey()), value);
        }
        return fields;
    }

    /** "job_title", "jobTitle", "Job-Title" → "jobtitle". */
    static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key.append(c);
        }
        return key.toString();
    }

    private static PostingDraft draft(Map<String, JsonNode> fields, Extraction ctx) {
        PostingDraft d = new PostingDraft();
        d.title = textOf(fields.get(titleName(fields)));
        d.url = link(fields);
        if (d.url != null && !HttpUrls.hasHttpPrefix(d.url)) d.url = ctx.pageLinks().resolve(d.url);
        d.company = textOf(first(fields, COMPANIES));
        d.location = location(first(fields, LOCATIONS));
        d.datePosted = textOf(first(fields, DATES));
        d.description = textOf(first(fields, DESCRIPTIONS));
        d.employmentType = employmentType(fields);
        d.remote = remote(fields);
        salary(d, fields);
        return d;
    }

    /** The member that holds the title: text with a letter in it ("position": 3 is an order, not a title). */
    private static String titleName(Map<String, JsonNode> fields) {
        for (String name : TITLES) {
            String text = textOf(fields.get(name));
            if (text != null && text.chars().anyMatch(Character::isLetter)) return name;
        }
        return null;
    }

    /** The posting's link: an absolute or root-relative URL, as a string or an object's href/url. */
    private static String link(Map<String, JsonNode> fields) {
        for (String name : LINKS) {
            JsonNode value = fields.get(name);
            if (value != null && value.isObject()) value = value.has("href") ? value.get("href") : value.get("url");
            String link = value == null || !value.isTextual() ? null : value.asText().strip();
            if (link != null && !link.contains(" ") && (HttpUrls.hasHttpPrefix(link) || link.startsWith("/")))
                return link;
        }
        return null;
    }

    /** The first employment-type member whose value (or first value of a list) names a type we know. */
    private static String employmentType(Map<String, JsonNode> fields) {
        for (String name : EMPLOYMENT) {
            JsonNode value = fields.get(name);
            if (value == null) continue;
            for (JsonNode one : value.isArray() ? value : List.of(value)) {
                String text = textOf(one);
                if (text != null && EmploymentTypes.normalise(text) != null) return text;
            }
        }
        return null;
    }

    private static boolean remote(Map<String, JsonNode> fields) {
        for (String name : REMOTE_FLAGS) {
            JsonNode flag = fields.get(name);
            if (flag == null) continue;
            if (flag.isBoolean()) return flag.booleanValue();
            String text = flag.asText("").strip().toLowerCase(Locale.ROOT);
            return text.equals("true") || text.equals("yes") || text.equals("1") || REMOTE_WORDS.contains(key(text));
        }
        for (String name : WORKPLACES) {
            String text = textOf(fields.get(name));
            if (text != null) return REMOTE_WORDS.contains(key(text));
        }
        return false;
    }

    /**
     * Bounds named as annual are yearly; other bounds, flat or in a salary object, count only with a period member
     * beside them: a bare {@code salary_min} may be a year's, a month's or an hour's pay.
     */
    private static void salary(PostingDraft d, Map<String, JsonNode> fields) {
        String currency = currency(textOf(first(fields, CURRENCIES)));
        Double min = LenientJson.number(first(fields, ANNUAL_MINIMA));
        Double max = LenientJson.number(first(fields, ANNUAL_MAXIMA));
        if (min != null || max != null) {
            d.salary(min, max, currency, "YEAR");
            return;
        }
        min = LenientJson.number(first(fields, MINIMA));
        max = LenientJson.number(first(fields, MAXIMA));
        if (min != null || max != null) {
            d.salary(min, max, currency, textOf(first(fields, PERIODS)));
            return;
        }
        JsonNode object = first(fields, SALARY_OBJECTS);
        if (object == null || !object.isObject()) return;
        Map<String, JsonNode> pay = fields(object);
        String period = textOf(first(pay, PERIODS));
        if (period == null) period = textOf(first(fields, PERIODS));
        String own = currency(textOf(first(pay, CURRENCIES)));
        d.salary(LenientJson.number(first(pay, List.of("min", "minimum", "minvalue", "from", "low"))),
                LenientJson.number(first(pay, List.of("max", "maximum", "maxvalue", "to", "high"))), own != null ? own : currency, period);
    }

    /** An ISO 4217 code; a symbol such as "$" names several currencies, so it names none. */
    private static String currency(String text) {
        return text != null && text.strip().matches("[A-Za-z]{3}") ? text.strip() : null;
    }

    /** Places as text: strings, objects with a name or city/region/country, or a list of either. */
    static String location(JsonNode node) {
        if (node == null) return null;
        List<String> places = new ArrayList<>();
        for (JsonNode one : node.isArray() ? node : List.of(node)) {
            String place = place(one);
            if (place != null && !places.contains(place)) places.add(place);
        }
        return places.isEmpty() ? null : String.join("; ", places);
    }

    private static String place(JsonNode node) {
        if (!node.isObject()) return textOf(node);
        Map<String, JsonNode> fields = fields(node);
        for (String name : List.of("displayname", "name", "label", "text", "locationname", "fulllocation")) {
            String text = textOf(fields.get(name));
            if (text != null) return text;
        }
        JsonNode address = fields.get("address");
        Map<String, JsonNode> parts = address != null && address.isObject() ? fields(address) : fields;
        List<String> named = new ArrayList<>();
        for (List<String> names : List.of(List.of("city", "addresslocality", "locality", "town"),
                List.of("state", "region", "province", "addressregion", "statecode"), List.of("country", "addresscountry", "countrycode"))) {
            String text = textOf(first(parts, names));
            if (text != null && !named.contains(text)) named.add(text);
        }
        return named.isEmpty() ? null : String.join(", ", named);
    }

    /** A value as text: a string or number as written, an object by its name-like member, a list by its first. */
    static String textOf(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isValueNode()) {
            String text = node.asText().strip();
            return text.isEmpty() ? null : text;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                String text = textOf(item);
                if (text != null) return text;
            }
            return null;
        }
        Map<String, JsonNode> fields = fields(node);
        for (String name : NAME_MEMBERS) {
            JsonNode value = fields.get(name);
            if (value != null && value.isValueNode()) return textOf(value);
        }
        return null;
    }

    private static JsonNode first(Map<String, JsonNode> fields, List<String> names) {
        String name = firstName(fields, names);
        return name == null ? null : fields.get(name);
    }

    /** The first of the names the item has a value for: text, a non-empty object or a non-empty list. */
    private static String firstName(Map<String, JsonNode> fields, List<String> names) {
        for (String name : names) {
            JsonNode value = fields.get(name);
            if (value != null && (value.isValueNode() ? !value.asText().isBlank() : !value.isEmpty())) return name;
        }
        return null;
    }

    // JSON Feed 1.0 and 1.1: every item is a posting of the feed, as in an RSS job feed.

    static boolean isJsonFeed(JsonNode root) {
        return root.isObject() && root.path("version").asText("").startsWith("https://jsonfeed.org/version/")
                && root.path("items").isArray();
    }

    private static void feed(JsonNode root, Extraction ctx, List<PostingDraft> drafts) {
        int index = 0;
        for (JsonNode item : root.path("items")) {
            ctx.each(drafts, "JSON Feed item #" + index++, () -> feedItem(item, ctx));
        }
    }

    private static PostingDraft feedItem(JsonNode item, Extraction ctx) {
        if (!item.isObject()) throw new IllegalArgumentException("not an object");
        PostingDraft d = new PostingDraft();
        d.title = LenientJson.text(item, "title");
        String url = LenientJson.text(item, "url");
        if (url == null) url = LenientJson.text(item, "external_url");
        // The id is often the item's permalink; it is a link only when it looks like one.
        String id = LenientJson.text(item, "id");
        if (url == null && HttpUrls.hasHttpPrefix(id)) url = id;
        d.url = url == null || HttpUrls.hasHttpPrefix(url) ? url : ctx.pageLinks().resolve(url);
        String html = LenientJson.text(item, "content_html");
        d.description = html != null ? html : LenientJson.text(item, "content_text") != null
                ? LenientJson.text(item, "content_text") : LenientJson.text(item, "summary");
        d.datePosted = LenientJson.text(item, "date_published");
        // 1.1 names authors in a list; 1.0 had one author object.
        JsonNode authors = item.path("authors");
        d.company = LenientJson.text(authors.isArray() ? authors.path(0) : item.path("author"), "name");
        return d;
    }
}
