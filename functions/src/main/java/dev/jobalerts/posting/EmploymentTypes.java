package dev.jobalerts.posting;


/** Maps the many spellings of employment type (schema.org, Lever commitments, Ashby enums) to schema.org's names. */
public final class EmploymentTypes {
    private EmploymentTypes() {}

    /** schema.org JobPosting employmentType value such as {@code FULL_TIME}, or null when the text names none. */
    public static String normalise(String raw) {
        if (raw == null) return null;
        StringBuilder letters = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = Character.toLowerCase(raw.charAt(i));
            if (c >= 'a' && c <= 'z') letters.append(c);
        }
        String key = letters.toString();
        if (key.isEmpty()) return null;
        if (key.startsWith("fulltime") || key.equals("permanent")) return "FULL_TIME";
        if (key.startsWith("parttime")) return "PART_TIME";
        if (key.startsWith("contract") || key.equals("freelance")) return "CONTRACTOR";
        if (key.startsWith("temp")) return "TEMPORARY";
        if (key.startsWith("intern")) return "INTERN";
        if (key.startsWith("volunteer")) return "VOLUNTEER";
        if (key.equals("perdiem")) return "PER_DIEM";
        if (key.equals("other")) return "OTHER";
        return null;
    }
}
