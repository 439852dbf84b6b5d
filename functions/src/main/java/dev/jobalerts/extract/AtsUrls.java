package dev.jobalerts.extract;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a careers URL hosted by an applicant tracking system to the public JSON API that lists the same
 * postings, which is cheaper to fetch and already structured. An API URL resolves to itself.
 */
public final class AtsUrls {
    static final String GREENHOUSE_API = "https://boards-api.greenhouse.io/v1/boards/%s/jobs?content=true";
    static final String LEVER_API = "https://%s/v0/postings/%s?mode=json";
    // includeCompensation=true is what makes the posting API return the pay ranges we keep.
    static final String ASHBY_API = "https://api.ashbyhq.com/posting-api/job-board/%s?includeCompensation=true";

    private static final Pattern GREENHOUSE_API_PATH = Pattern.compile("^/v1/boards/([^/]+)/jobs(?:/.*)?$");
    private static final Pattern LEVER_API_PATH = Pattern.compile("^/v0/postings/([^/]+)(?:/.*)?$");
    private static final Pattern ASHBY_API_PATH = Pattern.compile("^/posting-api/job-board/([^/]+)/?$");
    private static final Pattern FIRST_SEGMENT = Pattern.compile("^/([A-Za-z0-9][A-Za-z0-9._-]*)(?:/.*)?$");
    private static final Pattern FOR_PARAM = Pattern.compile("(?:^|&)for=([A-Za-z0-9._-]+)");

    private AtsUrls() {}

    /** The ATS API URL for a careers or API URL of Greenhouse, Lever or Ashby; empty for any other URL. */
    public static Optional<String> apiUrlFor(String careersOrApiUrl) {
        return Optional.ofNullable(careersOrApiUrl).flatMap(AtsUrls::parse).map(Ats::apiUrl);
    }

    /** The ATS and board a URL belongs to, if any. */
    static Optional<Ats> parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null) return Optional.empty();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Matcher m;
        switch (host) {
            case "boards-api.greenhouse.io" -> {
                m = GREENHOUSE_API_PATH.matcher(path);
                return m.matches() ? Optional.of(new Ats("greenhouse", m.group(1), url.trim())) : Optional.empty();
            }
            case "boards.greenhouse.io", "job-boards.greenhouse.io" -> {
                // The embedded board names its board in ?for= (boards.greenhouse.io/embed/job_board?for=acme).
                m = FOR_PARAM.matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
                if (path.startsWith("/embed/") && m.find()) return greenhouse(m.group(1));
                m = FIRST_SEGMENT.matcher(path);
                return m.matches() && !m.group(1).equals("embed") ? greenhouse(m.group(1)) : Optional.empty();
            }
            case "api.lever.co", "api.eu.lever.co" -> {
                m = LEVER_API_PATH.matcher(path);
                return m.matches() ? Optional.of(new Ats("lever", m.group(1), url.trim())) : Optional.empty();
            }
            case "jobs.lever.co", "jobs.eu.lever.co" -> {
                m = FIRST_SEGMENT.matcher(path);
                String api = host.replace("jobs.", "api.");
                return m.matches() ? Optional.of(new Ats("lever", m.group(1), String.format(LEVER_API, api, m.group(1)))) : Optional.empty();
            }
            case "api.ashbyhq.com" -> {
                m = ASHBY_API_PATH.matcher(path);
                return m.matches() ? Optional.of(new Ats("ashby", m.group(1), url.trim())) : Optional.empty();
            }
            case "jobs.ashbyhq.com" -> {
                m = FIRST_SEGMENT.matcher(path);
                return m.matches() ? Optional.of(new Ats("ashby", m.group(1), String.format(ASHBY_API, m.group(1)))) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<Ats> greenhouse(String board) {
        return Optional.of(new Ats("greenhouse", board, String.format(GREENHOUSE_API, board)));
    }

    /** An ATS board: which system ({@code greenhouse|lever|ashby}), the board token, and its API URL. */
    record Ats(String system, String board, String apiUrl) {}
}
