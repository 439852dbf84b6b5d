package dev.jobalerts.dedupe;

import dev.jobalerts.posting.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A posting's place as the job key compares it: the city and its US state or Canadian province under one code
 * ("Charlotte, North Carolina", "Charlotte, NC 28202" and "Charlotte NC, USA" are all {@code charlotte nc}), a
 * country after the city left out ("Berlin, Germany" is {@code berlin}), and {@code remote} for a remote posting that
 * names no city. A posting listing several places has them all, sorted. No place at all is null: such a posting is
 * never merged with anything.
 */
final class PlaceKey {
    static final String REMOTE = "remote";

    /** Words that say how or where-ish one works, not where: dropped before the place is read. */
    static final Set<String> WORK_MODE_WORDS = Set.of("remote", "remotely", "hybrid", "onsite", "office", "wfh",
            "anywhere", "worldwide", "global", "based", "only", "friendly", "first", "ok", "optional", "possible",
            "flexible", "greater", "area", "metro", "metropolitan", "region", "hq", "headquarters", "downtown");
    /** The same in several words, some of which ("in", "on", "or") are also state and province codes. */
    private static final Pattern WORK_MODE_PHRASES = Pattern.compile(
            "\\b(on[- ]?site|in[- ]?office|in[- ]?person|work(ing)? from home|remote[- ](first|friendly|ok))\\b");

    /** Between alternatives: "Charlotte, NC; Raleigh, NC", "Charlotte or Remote", "Austin | Dallas" (but "Portland, OR"). */
    private static final Pattern ALTERNATIVES = Pattern.compile(";|\\||/|\\n|•|·|(?<!,)\\s+or\\s+");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d[\\d-]*");

    private PlaceKey() {}

    /** The place key part, or null when the posting names no place and is not remote. */
    static String of(String location, boolean remote) {
        String folded = WORK_MODE_PHRASES.matcher(Fold.text(CompanyKey.withoutBrackets(location))).replaceAll(" ");
        Set<String> places = new TreeSet<>();
        boolean onlyCountries = true;
        for (String alternative : ALTERNATIVES.split(folded)) {
            Place place = placeOf(alternative);
            if (place == null) continue;
            places.add(place.key());
            onlyCountries &= place.isCountry();
        }
        boolean saysRemote = remote || PlainText.mentionsRemote(location == null ? "" : location);
        // "Remote - US" is remote work, not a job in the United States as a place.
        if (places.isEmpty() || (saysRemote && onlyCountries)) return saysRemote ? REMOTE : null;
        return String.join(" + ", places);
    }

    /** One alternative read as city + region; the city may itself be a state or a country ("Germany"). */
    private record Place(String city, String region, boolean isCountry) {
        String key() {
            return region == null ? city : city + " " + region;
        }
    }

    private static Place placeOf(String alternative) {
        List<List<String>> parts = new ArrayList<>();
        for (String part : alternative.split(",")) {
            List<String> words = new ArrayList<>();
            for (String word : Fold.words(part))
                if (!WORK_MODE_WORDS.contains(word) && !POSTAL_CODE.matcher(word).matches()) words.add(word);
            if (!words.isEmpty()) parts.add(words);
        }
        if (parts.isEmpty()) return null;
        List<String> first = parts.get(0);
        String region = null;
        // "Charlotte NC" or "Charlotte North Carolina" in one part: the state is the last words.
        if (parts.size() == 1) {
            for (int n = Math.min(Regions.LONGEST_NAME_WORDS, first.size() - 1); n >= 1 && region == null; n--) {
                String state = Regions.state(String.join(" ", first.subList(first.size() - n, first.size())));
                if (state != null) {
                    region = state;
                    first = first.subList(0, first.size() - n);
                }
            }
        }
        String city = Regions.city(String.join(" ", first));
        if (region == null) {
            String cityAsState = Regions.state(city);
            String cityAsCountry = Regions.country(city);
            if (parts.size() == 1 && cityAsCountry != null) return new Place(cityAsCountry, null, true);
            // A state alone ("New York", "NC") reads as its name and code, the way "New York, NY" does.
            if (parts.size() == 1 && cityAsState != null) return new Place(Regions.stateName(cityAsState), cityAsState, false);
            for (List<String> part : parts.subList(1, parts.size())) {
                String state = Regions.state(String.join(" ", part));
                if (state != null) {
                    region = state;
                    break;
                }
            }
        }
        return new Place(city, region, false);
    }
}
