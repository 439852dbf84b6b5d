package dev.jobalerts.dedupe;

import dev.jobalerts.posting.Posting;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The judgement: are two postings the same job? Pure — no store, no clock — so it can be explained and tested on its
 * own, and the parser, {@code postings show} and the measurement all use this one.
 *
 * <p>Two postings are one job when their {@link JobKey job keys} are equal (same company, title and place after
 * normalising), they were first seen within {@link #WINDOW} of each other, an operator has not split them, and their
 * descriptions are at least {@link #THRESHOLD} similar ({@link Signature}). The description check applies to every
 * merge, so two openings with one title at one company in one city stay apart when their descriptions differ, and no
 * text can merge a posting with one whose description it does not largely repeat. A posting without a company, a
 * place or a description of some length is never merged.
 */
public final class SameJob {
    /**
     * Estimated Jaccard similarity of the descriptions' 3-word shingles from which two postings with the same key are
     * one job: a copy must share four fifths of its text. Chosen on the labelled pairs (README, "One job, one
     * alert"): two openings of a hospital whose postings are mostly the same long boilerplate score up to 0.66, a
     * posting of only that boilerplate 0.75; copies that keep the whole text, however reflowed or decorated, and
     * reposts with edits score 0.82 and up. Copies cut by more than a fifth fall below it and stay separate.
     */
    public static final double THRESHOLD = 0.8;
    /** Postings first seen further apart than this are not compared: a job posted again after two months is news. */
    public static final Duration WINDOW = Duration.ofDays(60);

    private SameJob() {}

    /** Why two postings are, or are not, one job. */
    public enum Reason {
        SAME_JOB("same job"),
        NO_COMPANY("a posting names no company"),
        NO_PLACE("a posting names no place"),
        NO_DESCRIPTION("a description is too short to compare"),
        COMPANY_DIFFERS("companies differ"),
        TITLE_DIFFERS("titles differ"),
        PLACE_DIFFERS("places differ"),
        DESCRIPTIONS_DIFFER("descriptions differ"),
        TOO_FAR_APART("first seen more than 60 days apart"),
        SPLIT("an operator split them");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * The verdict on a pair with what it rests on.
     *
     * @param similarity the descriptions' estimated similarity, or null when they were not compared
     */
    public record Judgement(Reason reason, JobKey earlier, JobKey later, Double similarity) {
        public boolean sameJob() {
            return reason == Reason.SAME_JOB;
        }

        /** One line for an operator: the verdict, the key parts, the score against the threshold. */
        public String explain() {
            StringBuilder line = new StringBuilder(reason.text());
            if (earlier != null && later != null) {
                line.append(": ").append(part("company", earlier.company(), later.company()))
                        .append(", ").append(part("title", earlier.title(), later.title()))
                        .append(", ").append(part("place", earlier.place(), later.place()));
            }
            if (similarity != null)
                line.append("; descriptions ").append(score(similarity)).append(" similar (same job from ").append(score(THRESHOLD)).append(")");
            return line.toString();
        }

        private static String part(String name, String a, String b) {
            return a.equals(b) ? "same " + name + " \"" + a + "\"" : name + " \"" + a + "\" vs \"" + b + "\"";
        }
    }

    public static String score(double similarity) {
        return String.format(Locale.ROOT, "%.2f", similarity);
    }

    /** Judges a pair of postings, {@code earlier} first seen at {@code earlierSeen}. */
    public static Judgement judge(Posting earlier, Instant earlierSeen, Posting later, Instant laterSeen) {
        if (CompanyKey.of(earlier.company()).isEmpty() || CompanyKey.of(later.company()).isEmpty())
            return new Judgement(Reason.NO_COMPANY, null, null, null);
        Fingerprint a = Fingerprint.of(earlier), b = Fingerprint.of(later);
        if (a.key() == null || b.key() == null) return new Judgement(Reason.NO_PLACE, a.key(), b.key(), null);
        Reason keys = !a.key().company().equals(b.key().company()) ? Reason.COMPANY_DIFFERS
                : !a.key().title().equals(b.key().title()) ? Reason.TITLE_DIFFERS
                : !a.key().place().equals(b.key().place()) ? Reason.PLACE_DIFFERS : null;
        if (keys != null) return new Judgement(keys, a.key(), b.key(), null);
        if (a.signature() == null || b.signature() == null) return new Judgement(Reason.NO_DESCRIPTION, a.key(), b.key(), null);
        double similarity = a.signature().similarity(b.signature());
        return new Judgement(confirm(similarity, earlierSeen, laterSeen, false), a.key(), b.key(), similarity);
    }

    /** The checks after the key: the same for a pair and for the parser's candidates. */
    private static Reason confirm(double similarity, Instant a, Instant b, boolean split) {
        if (split) return Reason.SPLIT;
        if (Duration.between(a, b).abs().compareTo(WINDOW) > 0) return Reason.TOO_FAR_APART;
        return similarity >= THRESHOLD ? Reason.SAME_JOB : Reason.DESCRIPTIONS_DIFFER;
    }

    /** What the parser does with a posting it read: store it as the first copy of a job, as a copy, or not at all. */
    public sealed interface Decision {
        /** The posting is already stored (the index returned it): nothing to write. */
        record AlreadyStored() implements Decision {}

        /** No stored posting is the same job: this is the first copy. */
        record FirstCopy() implements Decision {}

        /** A copy of the job whose first copy is {@code firstCopyId}. */
        record CopyOf(String firstCopyId, double similarity) implements Decision {}
    }

    /**
     * Decides about a new posting with key-mates {@code candidates} (the postings with the same job key), at
     * {@code now}. Only first copies are compared — a copy of a copy joins through the first, so a text stitched
     * from two jobs cannot chain them together — and of several that match, the most similar wins (then the
     * earliest).
     */
    public static Decision decide(String postingId, Signature signature, List<Candidate> candidates, Instant now) {
        if (candidates.stream().anyMatch(c -> c.postingId().equals(postingId))) return new Decision.AlreadyStored();
        record Scored(Candidate candidate, double similarity) {}
        return candidates.stream()
                .filter(c -> c.isFirstCopy() && c.signature() != null)
                .map(c -> new Scored(c, signature.similarity(c.signature())))
                .filter(s -> confirm(s.similarity(), s.candidate().firstSeen(), now, s.candidate().splitFrom().contains(postingId)) == Reason.SAME_JOB)
                .max(Comparator.comparingDouble(Scored::similarity)
                        .thenComparing(s -> s.candidate().firstSeen(), Comparator.reverseOrder())
                        .thenComparing(s -> s.candidate().postingId(), Comparator.reverseOrder()))
                .<Decision>map(s -> new Decision.CopyOf(s.candidate().postingId(), s.similarity()))
                .orElseGet(Decision.FirstCopy::new);
    }
}
