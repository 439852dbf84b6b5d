package dev.jobalerts.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.dedupe.SameJob.Reason;
import dev.jobalerts.posting.Posting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The judgement, one row per verdict: two postings, how far apart they were first seen, the verdict, and what it must
 * say (the key parts it compared, the similarity score). The explanation is what {@code postings show} prints.
 */
class SameJobTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static final String PAYMENTS = """
            Fault Labs builds the observability platform that more than 2,000 engineering teams use.

            Our payments platform charges customers for the data they send us, and it must never lose or double count an
            event. As a Senior Site Reliability Engineer on the Payments team you will own its availability, its latency
            budget and the on-call rotation that protects it.
            • Run the Kafka and PostgreSQL clusters behind billing, and plan their capacity a year ahead
            • Define service level objectives with the payments engineers and hold us to them
            • Automate failover drills and lead the review after every incident

            Fault Labs is an equal opportunity employer.""";
    static final String SEARCH = """
            Fault Labs builds the observability platform that more than 2,000 engineering teams use.

            Every query a customer types into Fault Labs is answered by our search cluster, which indexes eight terabytes
            of logs a day. The Search Infrastructure team is looking for a Senior Site Reliability Engineer to keep those
            answers fast when traffic spikes during our customers' worst outages.
            • Operate and tune the Elasticsearch and ClickHouse fleets that store customer logs
            • Build tooling that rebalances shards before hot spots hurt query latency

            Fault Labs is an equal opportunity employer.""";

    static Posting posting(String title, String company, String location, String description) {
        return new Posting("p-" + Math.abs((title + company + location + description).hashCode()), "https://jobs.example/x", title,
                company, location, location.toLowerCase().contains("remote"), null, null, null, description, "test");
    }

    static Posting employer() {
        return posting("Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC", PAYMENTS);
    }

    static Arguments row(String name, Posting later, long days, Reason reason, String... says) {
        return Arguments.of(name, later, days, reason, says);
    }

    static Stream<Arguments> pairs() {
        String reflowed = PAYMENTS.replace("\n", " ").replace("•", "-");
        return Stream.of(
                row("the issue's example: aggregator copy with a legal suffix, the state's name, Sr., a decoration, reflowed text",
                        posting("Sr. Site Reliability Engineer (Remote-friendly)", "Fault Labs, Inc.", "Charlotte, North Carolina", reflowed),
                        1, Reason.SAME_JOB, "same company \"fault labs\"", "same title \"senior site reliability engineer\"",
                        "same place \"charlotte nc\"", "descriptions 1.00 similar"),
                row("title decorations and a place suffix are not the job",
                        posting("URGENT: Senior Site Reliability Engineer - Charlotte, NC | Hiring now", "FAULT LABS LLC", "Charlotte, NC 28202", PAYMENTS),
                        2, Reason.SAME_JOB, "same title \"senior site reliability engineer\""),
                row("a repost a month later with one sentence changed",
                        posting("Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC",
                                PAYMENTS.replace("a year ahead", "two years ahead")),
                        30, Reason.SAME_JOB, "descriptions 0.9"),
                row("two openings: same title, company and city, another team",
                        posting("Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC", SEARCH),
                        1, Reason.DESCRIPTIONS_DIFFER, "same title \"senior site reliability engineer\"", "(same job from 0.80)"),
                row("the same text for another city is another job",
                        posting("Senior Site Reliability Engineer", "Fault Labs", "Austin, TX", PAYMENTS),
                        1, Reason.PLACE_DIFFERS, "place \"charlotte nc\" vs \"austin tx\""),
                row("another level is another job",
                        posting("Staff Site Reliability Engineer", "Fault Labs", "Charlotte, NC", PAYMENTS),
                        1, Reason.TITLE_DIFFERS, "title \"senior site reliability engineer\" vs \"staff site reliability engineer\""),
                row("another company is another job, however alike the text",
                        posting("Senior Site Reliability Engineer", "Fault Line Staffing", "Charlotte, NC", PAYMENTS),
                        1, Reason.COMPANY_DIFFERS, "company \"fault labs\" vs \"fault line staffing\""),
                row("no company: never merged",
                        posting("Senior Site Reliability Engineer", "", "Charlotte, NC", PAYMENTS), 1, Reason.NO_COMPANY),
                row("no place: never merged",
                        new Posting("p-noplace", "https://jobs.example/y", "Senior Site Reliability Engineer", "Fault Labs", "", false,
                                null, null, null, PAYMENTS, "test"), 1, Reason.NO_PLACE),
                row("a description too short to compare: never merged",
                        posting("Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC", "Apply now on our careers page!"),
                        1, Reason.NO_DESCRIPTION),
                row("posted again after more than 60 days is news",
                        employer(), 61, Reason.TOO_FAR_APART, "descriptions 1.00 similar"),
                row("hostile: the company's boilerplate alone",
                        posting("Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC",
                                "Fault Labs builds the observability platform that more than 2,000 engineering teams use. "
                                        + "Fault Labs is an equal opportunity employer. We are hiring a Senior Site Reliability Engineer in Charlotte."),
                        1, Reason.DESCRIPTIONS_DIFFER),
                row("hostile: the job's words stuffed in any order",
                        posting("Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC",
                                "kafka postgresql billing payments on-call latency availability senior site reliability engineer ".repeat(8)),
                        1, Reason.DESCRIPTIONS_DIFFER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void judge_explainsEachVerdict(String name, Posting later, long days, Reason reason, String[] says) {
        SameJob.Judgement judgement = SameJob.judge(employer(), T0, later, T0.plus(Duration.ofDays(days)));

        assertThat(judgement.reason()).as(judgement.explain()).isEqualTo(reason);
        assertThat(judgement.sameJob()).isEqualTo(reason == Reason.SAME_JOB);
        assertThat(judgement.explain()).startsWith(reason.text());
        for (String part : says) assertThat(judgement.explain()).contains(part);
    }

    @Test
    void judge_remoteCopiesOfARemoteJob_shareThePlaceRemote() {
        Posting first = posting("Senior Data Engineer", "Verity Analytics Inc.", "Remote", PAYMENTS);
        Posting copy = posting("Senior Data Engineer (Remote, US)", "Verity Analytics", "Anywhere", PAYMENTS);

        SameJob.Judgement judgement = SameJob.judge(first, T0, copy, T0.plusSeconds(60));

        assertThat(judgement.explain()).contains("same place \"remote\"");
        assertThat(judgement.sameJob()).isTrue();
    }

    static Candidate candidate(String id, Instant seen, String duplicateOf, String description, String... splitFrom) {
        return new Candidate(id, seen, duplicateOf, Signature.of(description).orElseThrow(), Set.of(splitFrom));
    }

    static final Signature NEW = Signature.of(PAYMENTS).orElseThrow();

    @Test
    void decide_whenTheIndexHoldsThePostingItself_storesNothing() {
        var decision = SameJob.decide("new", NEW, List.of(candidate("new", T0, null, PAYMENTS)), T0);

        assertThat(decision).isInstanceOf(SameJob.Decision.AlreadyStored.class);
    }

    @Test
    void decide_amongSeveralFirstCopies_joinsTheMostSimilar() {
        String edited = PAYMENTS.replace("a year ahead", "two years ahead").replace("every incident", "every single incident");
        var decision = SameJob.decide("new", NEW, List.of(
                candidate("other-team", T0.minusSeconds(300), null, SEARCH),
                candidate("edited", T0.minusSeconds(200), null, edited),
                candidate("exact", T0.minusSeconds(100), null, PAYMENTS)), T0);

        assertThat(decision).isEqualTo(new SameJob.Decision.CopyOf("exact", 1.0));
    }

    @Test
    void decide_comparesFirstCopiesOnly_soTextStitchedFromTwoJobsCannotChainThem() {
        // "copy" is a later copy of "first"; even an exact match with it does not make the new posting its copy.
        var decision = SameJob.decide("new", NEW, List.of(candidate("first", T0.minusSeconds(100), null, SEARCH),
                candidate("copy", T0.minusSeconds(50), "first", PAYMENTS)), T0);

        assertThat(decision).isInstanceOf(SameJob.Decision.FirstCopy.class);
    }

    @Test
    void decide_firstCopyOlderThanTheWindow_isNoCandidate() {
        var decision = SameJob.decide("new", NEW, List.of(candidate("old", T0.minus(Duration.ofDays(61)), null, PAYMENTS)), T0);

        assertThat(decision).isInstanceOf(SameJob.Decision.FirstCopy.class);
    }

    @Test
    void decide_afterAnOperatorSplitThem_neverMergesThemAgain() {
        var decision = SameJob.decide("new", NEW, List.of(candidate("first", T0.minusSeconds(100), null, PAYMENTS, "new")), T0);

        assertThat(decision).isInstanceOf(SameJob.Decision.FirstCopy.class);
    }
}
