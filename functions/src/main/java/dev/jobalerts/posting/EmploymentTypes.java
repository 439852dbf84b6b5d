package dev.jobalerts.posting;

import java.text.Normalizer;

/**
 * Maps the many spellings of employment type (schema.org, Lever commitments, Ashby enums, the English, German and
 * French words of job pages) to schema.org's names.
 */
public final class EmploymentTypes {
    private EmploymentTypes() {}

    /** schema.org JobPosting employmentType value such as {@code FULL_TIME}, or null when the text names none. */
    public static String normalise(String raw) {
        if (raw == null) return null;
        String key = letters(raw);
        if (key.isEmpty()) return null;
        if (key.startsWith("fulltime") || key.startsWith("permanent") || key.startsWith("vollzeit") || key.startsWith("tempsplein")
                || key.startsWith("tempscomplet") || key.startsWith("cdi") || key.startsWith("festanstellung") || key.startsWith("unbefristet"))
            return "FULL_TIME";
        if (key.startsWith("parttime") || key.startsWith("teilzeit") || key.startsWith("tempspartiel")) return "PART_TIME";
        if (key.startsWith("contract") || key.equals("freelance") || key.startsWith("freiberuflich") || key.startsWith("independant"))
            return "CONTRACTOR";
        if (key.startsWith("temp") || key.startsWith("fixedterm") || key.startsWith("befristet") || key.startsWith("cdd")
                || key.startsWith("interim") || key.startsWith("zeitarbeit") || key.startsWith("seasonal"))
            return "TEMPORARY";
        if (key.startsWith("intern") || key.startsWith("praktikum") || key.equals("stage") || key.startsWith("stagiaire")) return "INTERN";
        if (key.startsWith("volunteer") || key.startsWith("ehrenamt") || key.startsWith("benevol")) return "VOLUNTEER";
        if (key.equals("perdiem")) return "PER_DIEM";
        if (key.equals("other")) return "OTHER";
        return null;
    }

    /** The ASCII letters of the text, lower-cased, accents dropped ("Intérim" → "interim"). */
    private static String letters(String raw) {
        boolean ascii = true;
        for (int i = 0; i < raw.length() && ascii; i++) ascii = raw.charAt(i) < 0x80;
        String text = ascii ? raw : Normalizer.normalize(raw, Normalizer.Form.NFD);
        StringBuilder letters = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z') letters.append(c);
        }
        return letters.toString();
    }
}
