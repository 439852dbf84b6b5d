package dev.jobalerts.dedupe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A title as the job key compares it: the words that say what the job is, seniority and level included, without
 * what boards decorate it with.
 * <ul>
 *   <li>Bracketed or separated parts that are only decoration or place words, or the company's name, are dropped: "(Remote-friendly)",
 *       "[URGENT]", "(m/w/d)", "- Urgent", "| Hiring now", "NEW:", ", Charlotte, NC", "in Austin", "at Fault Labs",
 *       "- $10,000 Sign-On Bonus"; so are notes on what the candidate needs, "(NMLS required)".
 *       A part with any other word stays, so "Software Engineer (Backend)" keeps "backend".</li>
 *   <li>"NEW" in capitals, "urgent", "hiring now" and the like are dropped at either end.</li>
 *   <li>Abbreviations are spelled out ("Sr." and "Snr" are "senior", "Jr." is "junior", "Mgr" is "manager"), levels
 *       are digits ("II" is "2"), and "Front-End", "Front End" and "Frontend" are one word.</li>
 * </ul>
 */
final class TitleKey {
    /** Words that decorate a title rather than name the job. */
    static final Set<String> DECORATION = Set.of(
            "remote", "remotely", "friendly", "hybrid", "onsite", "on", "site", "office", "in", "person", "wfh",
            "work", "from", "home", "anywhere", "worldwide", "global", "globally", "urgent", "urgently", "new", "hiring",
            "now", "we", "re", "are", "immediate", "immediately", "start", "asap", "apply", "today", "great",
            "opportunity", "exciting", "hot", "top", "featured", "sponsored", "promoted", "only", "based", "first", "ok",
            "optional", "possible", "available", "allowed", "full", "part", "time", "fulltime", "parttime", "permanent",
            "temporary", "temp", "perm", "freelance", "contract", "m", "f", "d", "w", "x", "h", "div", "all", "genders",
            "gender", "gn", "any", "and", "or", "with", "the", "a", "to", "for", "us", "usa", "uk", "eu", "europe",
            "emea", "apac", "latam", "americas", "timezone", "timezones", "tz", "est", "pst", "cet", "utc", "gmt",
            "relocation", "visa", "sponsorship", "job", "role", "position", "vacancy", "opening", "bonus", "sign", "signing",
            "pay", "competitive", "salary", "k");
    /** A part with one of these is a note about the candidate, not the job: "(NMLS required)", "- Spanish preferred". */
    static final Set<String> REQUIREMENT_NOTES = Set.of("required", "preferred", "mandatory", "needed", "must");
    /** Dropped at either end of a title even outside brackets and separators: "Urgent Senior Engineer", "… Hiring Now". */
    static final Set<String> EDGE_DECORATION = Set.of("urgent", "urgently", "hiring", "now", "immediate", "immediately", "asap");
    /** Abbreviations boards use for the same word; seniority first ("Sr." vs "Senior" is the same title). */
    static final Map<String, String> SPELLED_OUT = Map.ofEntries(
            Map.entry("sr", "senior"), Map.entry("snr", "senior"), Map.entry("jr", "junior"), Map.entry("jnr", "junior"),
            Map.entry("mgr", "manager"), Map.entry("assoc", "associate"), Map.entry("asst", "assistant"), Map.entry("engr", "engineer"),
            Map.entry("dev", "developer"), Map.entry("admin", "administrator"), Map.entry("vp", "vice president"),
            Map.entry("ii", "2"), Map.entry("iii", "3"), Map.entry("iv", "4"),
            Map.entry("frontend", "front end"), Map.entry("backend", "back end"), Map.entry("fullstack", "full stack"));

    private static final Pattern BRACKETED = Pattern.compile("\\(([^()]*)\\)|\\[([^\\[\\]]*)]|\\{([^{}]*)}|\\*([^*]*)\\*");
    /** Where boards join a decoration, place or company to a title. */
    private static final Pattern SEPARATORS = Pattern.compile("\\s+[-–—~]+\\s+|\\s*[|•·]\\s*|:\\s+|,\\s+|\\s+(?:at|@|in)\\s+|!\\s*");
    private static final Pattern MONEY = Pattern.compile("[$€£]");
    private static final Pattern NUMBER = Pattern.compile("\\d+k?");
    private static final Pattern CAPITAL_NEW = Pattern.compile("\\bNEW\\b");

    private TitleKey() {}

    /** The title's key part, given the posting's company and location (whose words are decoration in its title). */
    static String of(String title, String company, String location) {
        if (title == null) return "";
        Set<String> decoration = new HashSet<>(DECORATION);
        decoration.addAll(placeWords(location));
        String companyKey = CompanyKey.of(company);
        Predicate<String> isDecoration = part -> {
            List<String> words = Fold.words(part);
            // Numbers beside decoration are decoration ("100% Remote"), and so is pay ("- $10,000 Sign-On Bonus",
            // "(£45k)"); a number alone may be a level ("Engineer - 2") and stays.
            boolean money = MONEY.matcher(part).find();
            boolean decorated = money || words.stream().anyMatch(decoration::contains);
            return words.stream().allMatch(w -> decoration.contains(w) || (decorated && NUMBER.matcher(w).matches()))
                    || words.stream().anyMatch(REQUIREMENT_NOTES::contains)
                    || (!companyKey.isEmpty() && CompanyKey.of(part).equals(companyKey));
        };
        List<String> words = new ArrayList<>();
        for (String part : SEPARATORS.split(withoutDecoratedBrackets(title, isDecoration)))
            if (!isDecoration.test(part)) words.addAll(Fold.words(part));
        boolean capitalNew = CAPITAL_NEW.matcher(title).find();
        trimEdges(words, capitalNew);
        trimGenderMarker(words);
        if (words.isEmpty()) words = Fold.words(title); // only decoration: compare it as written rather than as nothing
        List<String> spelled = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // "I" only means level 1 at the end ("Engineer I"), never "I" elsewhere.
            spelled.add(word.equals("i") && i == words.size() - 1 && i > 0 ? "1" : SPELLED_OUT.getOrDefault(word, word));
        }
        return String.join(" ", spelled);
    }

    /** Removes bracketed parts that are decoration; other brackets keep their words. */
    private static String withoutDecoratedBrackets(String title, Predicate<String> isDecoration) {
        Matcher m = BRACKETED.matcher(title);
        StringBuilder out = new StringBuilder(title.length());
        while (m.find()) {
            String inside = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            m.appendReplacement(out, Matcher.quoteReplacement(isDecoration.test(inside) ? " " : " " + inside + " "));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void trimEdges(List<String> words, boolean capitalNew) {
        while (words.size() > 1 && isEdgeDecoration(words.get(0), capitalNew)) words.remove(0);
        while (words.size() > 1 && isEdgeDecoration(words.get(words.size() - 1), capitalNew)) words.remove(words.size() - 1);
    }

    private static boolean isEdgeDecoration(String word, boolean capitalNew) {
        return EDGE_DECORATION.contains(word) || (capitalNew && word.equals("new"));
    }

    /** "Engineer m w d" (an unbracketed "m/w/d"): a trailing run of two or more gender letters. */
    private static void trimGenderMarker(List<String> words) {
        int end = words.size();
        while (end > 1 && Set.of("m", "w", "d", "f", "x", "h").contains(words.get(end - 1))) end--;
        if (words.size() - end >= 2) words.subList(end, words.size()).clear();
    }

    /** The location's words and the other spelling of each state in it: "NC" in a title is place when the posting is in North Carolina. */
    private static Set<String> placeWords(String location) {
        Set<String> words = new HashSet<>(Fold.words(location));
        for (String word : List.copyOf(words)) {
            String code = Regions.state(word);
            if (code != null) {
                words.add(code);
                words.addAll(List.of(Regions.stateName(code).split(" ")));
            }
        }
        String folded = String.join(" ", Fold.words(location));
        for (String name : Regions.stateNames()) {
            if ((" " + folded + " ").contains(" " + name + " ")) {
                words.addAll(List.of(name.split(" ")));
                words.add(Regions.state(name));
            }
        }
        return words;
    }
}
