package dev.jobalerts.extract;

import java.util.List;
import java.util.Map;

/**
 * The words job pages label their fields with, in English, German and French: "Company", "Standort", "Date de
 * publication", "Job Title" … with or without a colon. A label is recognised only as a whole ("Location", "Location:"),
 * never as the start of a sentence, so prose that happens to begin with "Location" is not a label; the date labels
 * alone also work without a colon ("Posted on April 1, 2026", "Veröffentlicht am 02.04.2026").
 *
 * <p>Every short text node of a page is checked, so the lookup allocates nothing: the label's text is hashed as it
 * would be after lower-casing and collapsing spaces, then compared char by char with the one entry of that hash.
 */
final class Labels {
    /** The fields a label can name. */
    enum Field { TITLE, COMPANY, LOCATION, DATE, TYPE, SALARY }

    /** Longest label text, colon excluded. */
    static final int MAX_LABEL = 40;

    private static final Map<Field, List<String>> VOCABULARY = Map.of(
            Field.TITLE, List.of("job title", "title", "position", "position title", "job", "role", "job name", "job role",
                    "vacancy", "vacancy title", "posting title", "job posting title", "opening",
                    "stellenbezeichnung", "stelle", "jobtitel", "berufsbezeichnung", "titel", "position",
                    "titre du poste", "intitulé du poste", "intitulé", "poste", "titre", "fonction", "nom du poste", "libellé du poste"),
            Field.COMPANY, List.of("company", "company name", "employer", "employer name", "organisation", "organization",
                    "organisation name", "organization name", "hiring company", "hiring organisation", "hiring organization",
                    "hiring entity", "advertiser", "brand",
                    "unternehmen", "firma", "arbeitgeber", "arbeitgeberin", "betrieb", "einrichtung", "träger",
                    "entreprise", "société", "societe", "employeur", "organisme", "structure", "établissement",
                    "etablissement", "nom de l'entreprise"),
            Field.LOCATION, List.of("location", "locations", "location(s)", "job location", "work location", "city",
                    "city, state", "city/state", "office", "office location", "place of work", "work site", "worksite",
                    "site", "job site", "region", "town", "based in",
                    "ort", "standort", "arbeitsort", "dienstort", "einsatzort", "stadt", "standorte",
                    "lieu", "lieu de travail", "localisation", "ville", "région", "emplacement", "lieu du poste"),
            Field.DATE, List.of("posted", "posted on", "posted date", "date posted", "posting date", "published",
                    "published on", "publish date", "publication date", "date published", "date", "listed", "listed on",
                    "date listed", "opening date", "open date", "advertised", "date advertised",
                    "veröffentlicht", "veröffentlicht am", "veröffentlichungsdatum", "datum", "eingestellt am",
                    "online seit", "ausschreibungsdatum", "erstellt am",
                    "publié le", "publiée le", "date de publication", "mis en ligne le", "mise en ligne",
                    "date de mise en ligne"),
            Field.TYPE, List.of("employment type", "job type", "type", "schedule", "time type", "work type",
                    "contract type", "contract", "employment", "position type", "hours", "job schedule", "worker type",
                    "employment status", "work schedule", "type of employment",
                    "anstellungsart", "beschäftigungsart", "arbeitszeit", "vertragsart", "art der anstellung",
                    "beschäftigungsumfang", "stellenart", "anstellung",
                    "type de contrat", "contrat", "type d'emploi", "temps de travail", "type de poste", "nature du contrat"),
            Field.SALARY, List.of("salary", "pay", "compensation", "salary range", "pay range", "base salary",
                    "annual salary", "hourly rate", "rate", "wage", "wages", "remuneration", "pay rate", "salary/wage",
                    "starting salary", "hourly pay", "monthly salary", "day rate",
                    "gehalt", "vergütung", "lohn", "jahresgehalt", "stundenlohn", "bruttogehalt", "entgelt",
                    "gehaltsspanne", "monatsgehalt", "bezahlung",
                    "salaire", "rémunération", "salaire annuel", "rémunération annuelle", "paie", "taux horaire",
                    "salaire mensuel", "fourchette de salaire"));
    /** Date labels that also stand before their value without a colon. */
    private static final List<String> DATE_PREFIXES = List.of("posted on ", "posted ", "published on ", "published ",
            "listed on ", "veröffentlicht am ", "veröffentlicht ", "eingestellt am ", "online seit ", "publié le ",
            "publiée le ", "mis en ligne le ", "mise en ligne le ");

    /** The lower-case ASCII letters labels start with: most text nodes start otherwise and are not hashed. */
    private static final boolean[] FIRST = new boolean[128];
    private static final int SLOTS = 1024;
    private static final String[] KEYS = new String[SLOTS];
    private static final Field[] FIELDS = new Field[SLOTS];

    static {
        VOCABULARY.forEach((field, words) -> {
            for (String word : words) put(word, field);
        });
    }

    private Labels() {}

    private static void put(String word, Field field) {
        char first = word.charAt(0);
        if (first < 128) FIRST[first] = true;
        int slot = slot(hash(word, 0, word.length()));
        while (KEYS[slot] != null && !KEYS[slot].equals(word)) slot = (slot + 1) & (SLOTS - 1);
        if (KEYS[slot] == null) {
            KEYS[slot] = word;
            FIELDS[slot] = field; // a word in two lists ("position") keeps the first
        }
    }

    /** A label found at the start of a text: its field and where its value starts (-1: the text is only the label). */
    record Hit(Field field, int valueStart) {}

    /**
     * The label a text starts with: "Company: Contoso" (value after the colon), "Company" or "Company:" alone (no
     * value), "Posted on April 1, 2026" (value after the date label); null when it starts with none.
     */
    static Hit at(String text) {
        int n = text.length();
        int from = 0;
        while (from < n && isSpace(text.charAt(from))) from++;
        if (from == n) return null;
        char first = fold(text.charAt(from));
        if (first < 128 && !FIRST[first]) return null;
        int colon = -1;
        int end = from;
        while (end < n && end - from <= MAX_LABEL + 1) {
            char c = text.charAt(end);
            if (c == ':' || c == '：') {
                colon = end;
                break;
            }
            end++;
        }
        if (colon >= 0) {
            Field field = field(text, from, trimEnd(text, from, colon));
            return field == null ? null : new Hit(field, colon + 1);
        }
        int last = trimEnd(text, from, n);
        if (last - from <= MAX_LABEL) {
            Field field = field(text, from, last);
            if (field != null) return new Hit(field, -1);
        }
        return datePrefix(text, from);
    }

    private static Hit datePrefix(String text, int from) {
        char first = Character.toLowerCase(text.charAt(from));
        if (first != 'p' && first != 'l' && first != 'v' && first != 'e' && first != 'o' && first != 'm') return null;
        for (String prefix : DATE_PREFIXES)
            if (text.regionMatches(true, from, prefix, 0, prefix.length())) return new Hit(Field.DATE, from + prefix.length());
        return null;
    }

    /** The field a whole text names as a label ("Job Title", "Standort", "Lieu :"), or null. */
    static Field whole(String text) {
        int from = 0;
        int end = trimEnd(text, 0, text.length());
        while (from < end && isSpace(text.charAt(from))) from++;
        if (end > from && (text.charAt(end - 1) == ':' || text.charAt(end - 1) == '：')) end = trimEnd(text, from, end - 1);
        return end - from > MAX_LABEL ? null : field(text, from, end);
    }

    /** Whether a text is itself a label or starts with one and a colon: a value may never be one. */
    static boolean isLabel(String text) {
        Hit hit = at(text);
        return hit != null && (hit.valueStart < 0 || text.charAt(hit.valueStart - 1) == ':' || text.charAt(hit.valueStart - 1) == '：');
    }

    private static Field field(String text, int from, int to) {
        if (to <= from) return null;
        int slot = slot(hash(text, from, to));
        for (; KEYS[slot] != null; slot = (slot + 1) & (SLOTS - 1))
            if (sameWord(KEYS[slot], text, from, to)) return FIELDS[slot];
        return null;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }

    /** The hash of the text lower-cased, with runs of spaces as one space and ’ as ': the form the keys are in. */
    private static int hash(CharSequence text, int from, int to) {
        int h = 0;
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space) h = 31 * h + ' ';
            space = false;
            h = 31 * h + fold(c);
        }
        return h;
    }

    private static boolean sameWord(String key, String text, int from, int to) {
        int k = 0;
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space && (k >= key.length() || key.charAt(k++) != ' ')) return false;
            space = false;
            if (k >= key.length() || key.charAt(k++) != fold(c)) return false;
        }
        return k == key.length();
    }

    private static char fold(char c) {
        if (c == '’') return '\'';
        return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    private static int trimEnd(String text, int from, int to) {
        int end = to;
        while (end > from && (isSpace(text.charAt(end - 1)) || text.charAt(end - 1) == '*')) end--;
        return end;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\u202f' || c == '\u2009' || c == '\f';
    }
}
