package dev.jobalerts.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A company name as the job key compares it: folded ({@link Fold}), anything in brackets dropped ("(NASDAQ: FLT)",
 * "(formerly Acme)"), a leading "the" and trailing legal forms and descriptors dropped, so "Fault Labs, Inc.", "FAULT
 * LABS LLC" and "Fault Labs" are one company, as are "Brückner GmbH & Co. KG" and "Bruckner", and "Quillfeather Software
 * Ltd" and "Quillfeather". Two companies that differ only in such words get one key; their descriptions still differ.
 */
final class CompanyKey {
    /** Legal forms, as folded words (dots already gone: "S.A." is "sa", "L.L.C." is "llc"). */
    static final Set<String> LEGAL_FORMS = Set.of(
            "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co", "company", "plc",
            "pllc", "pc", "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "se", "sa", "sas", "sarl", "sl", "slu",
            "srl", "spa", "sro", "bv", "nv", "oy", "oyj", "ab", "as", "asa", "aps", "pty", "pte", "pvt", "private", "kk",
            "ltda", "lda", "kft", "zrt", "doo", "and");

    /**
     * Words that describe what kind of company it is rather than which: boards add or drop them ("Quillfeather Software
     * Ltd" on the careers page, "Quillfeather" on an aggregator). Dropped from the end like legal forms.
     */
    static final Set<String> DESCRIPTORS = Set.of("group", "holding", "holdings", "software", "technologies", "technology",
            "solutions", "systems", "services", "international", "industries", "enterprises");

    private CompanyKey() {}

    /** The company's key part; empty when the name holds no word (no company, so nothing to merge on). */
    static String of(String company) {
        List<String> words = new ArrayList<>(Fold.words(withoutBrackets(company)));
        if (!words.isEmpty() && words.get(0).equals("the") && words.size() > 1) words.remove(0);
        int end = words.size();
        // Strip legal forms from the end ("GmbH & Co. KG" is four of them), but never the whole name: "AG" alone stays.
        while (end > 1 && (LEGAL_FORMS.contains(words.get(end - 1)) || DESCRIPTORS.contains(words.get(end - 1)))) end--;
        return String.join(" ", words.subList(0, end));
    }

    static String withoutBrackets(String text) {
        if (text == null) return "";
        return text.replaceAll("\\([^()]*\\)|\\[[^\\[\\]]*]", " ");
    }
}
