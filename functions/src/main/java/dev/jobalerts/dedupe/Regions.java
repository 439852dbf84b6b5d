package dev.jobalerts.dedupe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regions a place may name after its city, each under one folded code: US states and territories (USPS codes),
 * Canadian provinces and territories (Canada Post codes), and the countries boards most often append. "North
 * Carolina" and "NC" are both {@code nc}; "United States", "USA" and "U.S." are all {@code us}.
 */
final class Regions {
    private static final String[][] STATES = {
            {"al", "alabama"}, {"ak", "alaska"}, {"az", "arizona"}, {"ar", "arkansas"}, {"ca", "california"},
            {"co", "colorado"}, {"ct", "connecticut"}, {"de", "delaware"}, {"dc", "district of columbia"},
            {"fl", "florida"}, {"ga", "georgia"}, {"hi", "hawaii"}, {"id", "idaho"}, {"il", "illinois"},
            {"in", "indiana"}, {"ia", "iowa"}, {"ks", "kansas"}, {"ky", "kentucky"}, {"la", "louisiana"},
            {"me", "maine"}, {"md", "maryland"}, {"ma", "massachusetts"}, {"mi", "michigan"}, {"mn", "minnesota"},
            {"ms", "mississippi"}, {"mo", "missouri"}, {"mt", "montana"}, {"ne", "nebraska"}, {"nv", "nevada"},
            {"nh", "new hampshire"}, {"nj", "new jersey"}, {"nm", "new mexico"}, {"ny", "new york"},
            {"nc", "north carolina"}, {"nd", "north dakota"}, {"oh", "ohio"}, {"ok", "oklahoma"}, {"or", "oregon"},
            {"pa", "pennsylvania"}, {"ri", "rhode island"}, {"sc", "south carolina"}, {"sd", "south dakota"},
            {"tn", "tennessee"}, {"tx", "texas"}, {"ut", "utah"}, {"vt", "vermont"}, {"va", "virginia"},
            {"wa", "washington"}, {"wv", "west virginia"}, {"wi", "wisconsin"}, {"wy", "wyoming"},
            {"pr", "puerto rico"}, {"gu", "guam"}, {"vi", "us virgin islands"},
            // Canada
            {"ab", "alberta"}, {"bc", "british columbia"}, {"mb", "manitoba"}, {"nb", "new brunswick"},
            {"nl", "newfoundland and labrador"}, {"ns", "nova scotia"}, {"nt", "northwest territories"},
            {"nu", "nunavut"}, {"on", "ontario"}, {"pe", "prince edward island"}, {"qc", "quebec"},
            {"sk", "saskatchewan"}, {"yt", "yukon"}};

    private static final Map<String, List<String>> COUNTRIES = Map.ofEntries(
            Map.entry("us", List.of("us", "usa", "united states", "united states of america", "america")),
            Map.entry("ca", List.of("canada")),
            Map.entry("uk", List.of("uk", "united kingdom", "great britain", "gb", "england", "scotland", "wales")),
            Map.entry("ie", List.of("ireland")),
            Map.entry("de", List.of("germany", "deutschland")),
            Map.entry("at", List.of("austria", "osterreich")),
            Map.entry("ch", List.of("switzerland", "schweiz", "suisse")),
            Map.entry("fr", List.of("france")),
            Map.entry("es", List.of("spain", "espana")),
            Map.entry("pt", List.of("portugal")),
            Map.entry("it", List.of("italy", "italia")),
            Map.entry("nl", List.of("netherlands", "the netherlands", "nederland")),
            Map.entry("be", List.of("belgium")),
            Map.entry("pl", List.of("poland", "polska")),
            Map.entry("se", List.of("sweden")),
            Map.entry("dk", List.of("denmark")),
            Map.entry("no", List.of("norway")),
            Map.entry("fi", List.of("finland")),
            Map.entry("in", List.of("india")),
            Map.entry("au", List.of("australia")),
            Map.entry("nz", List.of("new zealand")),
            Map.entry("sg", List.of("singapore")),
            Map.entry("jp", List.of("japan")),
            Map.entry("br", List.of("brazil", "brasil")),
            Map.entry("mx", List.of("mexico")));

    private static final Map<String, String> STATE_CODES = new HashMap<>();
    private static final Map<String, String> COUNTRY_CODES = new HashMap<>();
    private static final Map<String, String> STATE_NAMES = new HashMap<>();

    static {
        for (String[] state : STATES) {
            STATE_CODES.put(state[0], state[0]);
            STATE_CODES.put(state[1], state[0]);
            STATE_NAMES.put(state[0], state[1]);
        }
        STATE_CODES.put("washington dc", "dc");
        COUNTRIES.forEach((code, names) -> names.forEach(name -> COUNTRY_CODES.put(name, code)));
    }

    /**
     * Cities boards write in their own language or in English: one name for each. Folded; only the big ones whose
     * two names both turn up in postings.
     */
    private static final Map<String, String> CITIES = Map.ofEntries(
            Map.entry("munchen", "munich"), Map.entry("koln", "cologne"), Map.entry("nurnberg", "nuremberg"),
            Map.entry("wien", "vienna"), Map.entry("zuerich", "zurich"), Map.entry("geneve", "geneva"), Map.entry("genf", "geneva"),
            Map.entry("praha", "prague"), Map.entry("warszawa", "warsaw"),
            Map.entry("lisboa", "lisbon"), Map.entry("milano", "milan"), Map.entry("roma", "rome"), Map.entry("torino", "turin"),
            Map.entry("napoli", "naples"), Map.entry("firenze", "florence"), Map.entry("bruxelles", "brussels"),
            Map.entry("brussel", "brussels"), Map.entry("antwerpen", "antwerp"), Map.entry("den haag", "the hague"),
            Map.entry("kobenhavn", "copenhagen"), Map.entry("goteborg", "gothenburg"), Map.entry("sevilla", "seville"),
            Map.entry("quebec city", "quebec"), Map.entry("new york city", "new york"),
            Map.entry("nyc", "new york"), Map.entry("sf", "san francisco"));

    /** One name for a city that has two ({@link #CITIES}); the folded name itself otherwise. */
    static String city(String folded) {
        return CITIES.getOrDefault(folded, folded);
    }

    /** Longest state or country name in words, so a scan knows how far to look. */
    static final int LONGEST_NAME_WORDS = 4;

    private Regions() {}

    /** The state or province code for folded words such as "north carolina" or "nc"; null when it is none. */
    static String state(String words) {
        return STATE_CODES.get(words);
    }

    /** The folded name of a state or province code ("nc" is "north carolina"). */
    static String stateName(String code) {
        return STATE_NAMES.get(code);
    }

    /** Every folded state and province name ("north carolina" …). */
    static java.util.Collection<String> stateNames() {
        return STATE_NAMES.values();
    }

    /** The country code for folded words such as "united states" or "usa"; null when it is none we know. */
    static String country(String words) {
        return COUNTRY_CODES.get(words);
    }
}
