package dev.jobalerts.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which heading or page title names the job. Career sites often put a section name in the {@code <h1>} ("Careers",
 * "Job Details", "Offene Stellen") or the site's name in a logo heading, and the job's title in a label, in
 * {@code og:title} or in the {@code <title>} with the site's name after it ("Senior Nurse – Raleigh, NC | Contoso
 * Health"). This class tells the generic from the specific and takes a page title apart.
 */
final class PageTitles {
    /** Headings that name a section of a careers site, not a job (English, German, French), lower case. */
    private static final Set<String> GENERIC = Set.of("careers", "career", "jobs", "job", "job details", "job detail",
            "job description", "job posting", "job postings", "job opening", "job openings", "job offer", "job offers",
            "career opportunities", "career opportunity", "current openings", "current opportunities", "open positions",
            "open roles", "opportunities", "vacancies", "vacancy", "current vacancies", "job vacancies", "join us",
            "join our team", "work with us", "work for us", "we're hiring", "we are hiring", "job search", "search jobs",
            "search results", "position details", "position description", "employment opportunities", "employment",
            "apply", "apply now", "home", "welcome", "job board", "all jobs", "view job", "job information",
            "karriere", "jobs & karriere", "jobs und karriere", "stellenangebote", "stellenangebot", "offene stellen",
            "stellenanzeige", "stellenausschreibung", "jobangebot", "jobangebote", "jobbörse", "aktuelle stellenangebote",
            "stellenbörse", "jobs & stellenangebote",
            "carrières", "carrieres", "carrière", "emplois", "emploi", "offres d'emploi", "offre d'emploi", "nous rejoindre",
            "rejoignez-nous", "rejoignez nous", "recrutement", "postes ouverts", "détails du poste", "détail de l'offre",
            "nos offres", "postuler", "offres",
            "about us", "about", "contact", "contact us", "imprint", "legal notice", "privacy policy", "team", "our team",
            "über uns", "kontakt", "impressum", "datenschutz", "à propos", "mentions légales", "nous contacter", "équipe");
    /** Headings of a posting's own sections, never its title. */
    private static final Set<String> SECTIONS = Set.of("about the job", "about the role", "about this role", "about us",
            "about the company", "responsibilities", "requirements", "description", "overview", "summary", "benefits",
            "qualifications", "how to apply", "what you'll do", "what you will do", "who we are", "what we offer",
            "your profile", "similar jobs", "related jobs", "share this job", "job summary",
            "stellenbeschreibung", "aufgaben", "ihre aufgaben", "ihr profil", "wir bieten", "über uns", "das bieten wir",
            "description du poste", "missions", "vos missions", "profil recherché", "votre profil", "à propos",
            "avantages", "nous offrons");
    /** Words a careers site puts around its owner's name: "Contoso Careers", "Karriere bei Contoso". */
    private static final List<String> BOARD_WORDS = List.of("careers", "career", "jobs", "job openings", "karriere",
            "stellenangebote", "jobs & karriere", "carrières", "carrieres", "emplois", "recrutement", "vacancies",
            "opportunities");
    private static final List<String> LINKS = List.of(" at ", " with ", " bei ", " chez ", " @ ", " for ");
    /** "careers at ", "karriere bei " …: a board word and a link, the start of a site's name for its careers pages. */
    private static final List<String> BOARD_PREFIXES = BOARD_WORDS.stream().flatMap(w -> LINKS.stream().map(l -> w + l)).toList();
    private static final List<String> BOARD_SUFFIXES = BOARD_WORDS.stream().map(w -> " " + w).toList();
    // " | ", " - ", " – ", " — ", " · ", " • ", " :: " and the French " : ": the separators of a page title's parts
    // (a colon without spaces is part of a word: "Entwickler:in").
    private static final Pattern BARS = Pattern.compile("\\s*\\|\\s*|\\s*::\\s*|\\s+[·•]\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("\\s+[|–—·•:-]\\s+|\\s*::\\s*|\\s+\\|\\s*|\\s*\\|\\s+");

    private PageTitles() {}

    /**
     * Whether a heading names no job: empty, a careers-site section ("Careers", "Job Details"), a site's name with
     * board words ("Contoso Careers", "Karriere bei Contoso") or one of the page's known names (the site, the source).
     */
    static boolean isGeneric(String heading, Collection<String> names) {
        String text = normal(heading);
        if (text.isEmpty() || GENERIC.contains(text) || SECTIONS.contains(text)) return true;
        for (String name : names) if (!name.isBlank() && text.equals(normal(name))) return true;
        for (String suffix : BOARD_SUFFIXES) if (text.endsWith(suffix) && !text.contains(" at ")) return true;
        for (String prefix : BOARD_PREFIXES) if (text.startsWith(prefix)) return true;
        return text.startsWith("join ") || text.startsWith("work at ");
    }

    /** A section heading of a posting ("Responsibilities", "Ihr Profil"), which is never its title. */
    static boolean isSection(String heading) {
        return SECTIONS.contains(normal(heading));
    }

    /**
     * The job's title in a page title or {@code og:title}: the first part that is not generic and not one of the
     * page's names or its location, with " at {name}" taken off; null when no part is left.
     */
    static String jobTitle(String pageTitle, Collection<String> names, String location) {
        if (pageTitle == null || pageTitle.isBlank()) return null;
        for (String part : parts(pageTitle)) {
            if (isGeneric(part, names) || isSection(part) || sameText(part, location)) continue;
            String title = withoutTrailing(part, names, location);
            for (String name : names) title = withoutLink(title, name);
            return title;
        }
        return null;
    }

    /**
     * The company a page title names besides the job: "Senior Nurse – Raleigh | Contoso Health" or "Senior Nurse at
     * Contoso Health" gives "Contoso Health", "Contoso Careers" gives "Contoso"; null when the title names nothing else.
     */
    static String company(String pageTitle, String jobTitle, String location) {
        if (pageTitle == null || jobTitle == null) return null;
        List<String> parts = parts(pageTitle);
        boolean hasJob = false;
        for (String part : parts) {
            if (sameText(part, jobTitle) || contains(part, jobTitle) || contains(jobTitle, part)) hasJob = true;
            String lower = part.toLowerCase(Locale.ROOT);
            String job = jobTitle.toLowerCase(Locale.ROOT);
            for (String link : List.of(" at ", " bei ", " chez ")) {
                if (lower.startsWith(job + link)) return plausibleName(part.substring(job.length() + link.length()));
            }
        }
        if (!hasJob || parts.size() < 2) return null;
        for (int i = parts.size() - 1; i >= 0; i--) {
            String part = parts.get(i);
            if (contains(part, jobTitle) || contains(jobTitle, part) || sameText(part, location) || GENERIC.contains(normal(part))) continue;
            return plausibleName(withoutBoardWords(part));
        }
        return null;
    }

    /** A site or page name without its board words: "Contoso Careers" → "Contoso", "Jobs bei Contoso GmbH" → "Contoso GmbH". */
    static String withoutBoardWords(String name) {
        String text = LabelledFields.collapse(name);
        String lower = text.toLowerCase(Locale.ROOT);
        if (!mayHaveBoardWord(lower)) return GENERIC.contains(lower) ? "" : text;
        for (String word : BOARD_WORDS) {
            if (lower.endsWith(" " + word)) return text.substring(0, text.length() - word.length() - 1).trim();
            for (String link : LINKS) if (lower.startsWith(word + link)) return text.substring(word.length() + link.length()).trim();
        }
        return GENERIC.contains(lower) ? "" : text;
    }

    /** Whether a lower-case name may hold one of {@link #BOARD_WORDS}; most names hold none and skip the loops. */
    private static boolean mayHaveBoardWord(String lower) {
        return lower.contains("career") || lower.contains("job") || lower.contains("karriere") || lower.contains("stellen")
                || lower.contains("carri") || lower.contains("emploi") || lower.contains("recrut") || lower.contains("vacanc")
                || lower.contains("opportun");
    }

    private static String plausibleName(String name) {
        String text = name == null ? "" : name.trim();
        return text.isEmpty() || text.length() > 60 || GENERIC.contains(normal(text)) ? null : text;
    }

    private static String withoutLink(String title, String name) {
        if (name == null || name.isBlank()) return title;
        String lower = title.toLowerCase(Locale.ROOT);
        String suffix = name.toLowerCase(Locale.ROOT).trim();
        for (String link : LINKS) {
            if (lower.endsWith(link + suffix) && lower.length() > link.length() + suffix.length())
                return title.substring(0, title.length() - link.length() - suffix.length()).trim();
        }
        return title;
    }

    /**
     * A page title's parts. A bar is the stronger separator: where there is one, the dashes are the job's own
     * ("Warehouse Associate – Night Shift | Northwind"); else dashes, bullets and " : " separate.
     */
    static List<String> parts(String pageTitle) {
        String text = LabelledFields.collapse(pageTitle);
        Pattern separators = text.contains("|") ? BARS : SEPARATORS;
        List<String> parts = new ArrayList<>(4);
        for (String part : separators.split(text)) if (!part.isBlank()) parts.add(part.trim());
        return parts;
    }

    /** Drops trailing " – {place}" or " - {name}" parts from a title taken from a page title. */
    private static String withoutTrailing(String title, Collection<String> names, String location) {
        String text = title;
        for (boolean cut = true; cut; ) {
            cut = false;
            String[] dashed = SEPARATORS.split(text);
            if (dashed.length < 2) break;
            String last = dashed[dashed.length - 1];
            boolean known = sameText(last, location);
            for (String name : names) known |= sameText(last, name);
            if (known || isGeneric(last, names)) {
                text = text.substring(0, text.lastIndexOf(last)).replaceAll("[\\s|–—·•:-]+$", "");
                cut = true;
            }
        }
        return text;
    }

    private static boolean contains(String whole, String part) {
        return whole != null && part != null && !part.isBlank() && normal(whole).contains(normal(part));
    }

    private static boolean sameText(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    /** Lower case, spaces collapsed, trailing punctuation and a leading "the" off. */
    private static String normal(String text) {
        String t = LabelledFields.collapse(text).toLowerCase(Locale.ROOT).replace('’', '\'');
        int end = t.length();
        while (end > 0 && ".!:?".indexOf(t.charAt(end - 1)) >= 0) end--;
        return t.substring(0, end).trim();
    }
}
