package dev.jobalerts.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a source is read. Board families with an API of their own have an adapter (Greenhouse … Adzuna); every other
 * URL is read by the page readers (JSON-LD, microdata, RDFa, feeds, JSON lists, CSS selectors, plain page).
 * {@link #AUTO} detects the family from the URL, then from the response. The JSON name is the lower-case id.
 */
public enum SourceKind {
    AUTO("auto", "detect", Family.NONE),
    GREENHOUSE("greenhouse", "Greenhouse", Family.ADAPTER),
    LEVER("lever", "Lever", Family.ADAPTER),
    ASHBY("ashby", "Ashby", Family.ADAPTER),
    WORKDAY("workday", "Workday", Family.ADAPTER),
    SMARTRECRUITERS("smartrecruiters", "SmartRecruiters", Family.ADAPTER),
    RECRUITEE("recruitee", "Recruitee", Family.ADAPTER),
    WORKABLE("workable", "Workable", Family.ADAPTER),
    PERSONIO("personio", "Personio", Family.ADAPTER),
    BAMBOOHR("bamboohr", "BambooHR", Family.ADAPTER),
    TEAMTAILOR("teamtailor", "Teamtailor", Family.ADAPTER),
    REMOTIVE("remotive", "Remotive", Family.ADAPTER),
    REMOTEOK("remoteok", "Remote OK", Family.ADAPTER),
    ARBEITNOW("arbeitnow", "Arbeitnow", Family.ADAPTER),
    JOBICY("jobicy", "Jobicy", Family.ADAPTER),
    HIMALAYAS("himalayas", "Himalayas", Family.ADAPTER),
    WORKINGNOMADS("workingnomads", "Working Nomads", Family.ADAPTER),
    THEMUSE("themuse", "The Muse", Family.ADAPTER),
    USAJOBS("usajobs", "USAJOBS", Family.ADAPTER),
    ADZUNA("adzuna", "Adzuna", Family.ADAPTER),
    JSON("json", "JSON job list", Family.PAGE_READER),
    JSONLD("jsonld", "JSON-LD", Family.PAGE_READER),
    MICRODATA("microdata", "microdata", Family.PAGE_READER),
    RDFA("rdfa", "RDFa", Family.PAGE_READER),
    RSS("rss", "RSS/Atom feed", Family.PAGE_READER),
    SELECTORS("selectors", "CSS selectors", Family.PAGE_READER),
    PAGE("page", "plain page", Family.PAGE_READER);

    private enum Family { NONE, ADAPTER, PAGE_READER }

    private final String id;
    private final String label;
    private final Family family;

    SourceKind(String id, String label, Family family) {
        this.id = id;
        this.label = label;
        this.family = family;
    }

    /** The name in source definitions, stored snapshots and each posting's {@code source}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** A human name: "Workday", "RSS/Atom feed". */
    public String label() {
        return label;
    }

    /** A board family read through its own API by an adapter. */
    public boolean hasAdapter() {
        return family == Family.ADAPTER;
    }

    /** A generic reader of pages and documents that any site may serve. */
    public boolean isPageReader() {
        return family == Family.PAGE_READER;
    }

    /** Every id, for messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SourceKind::id).toList();
    }

    /** The kind with this id (any case, surrounding blanks ignored); the message lists the known ids. */
    @JsonCreator
    public static SourceKind of(String id) {
        if (id == null) return AUTO;
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (SourceKind kind : values()) if (kind.id.equals(wanted)) return kind;
        throw new IllegalArgumentException("kind must be one of " + ids() + ", was \"" + id + "\"");
    }

    @Override
    public String toString() {
        return id;
    }
}
