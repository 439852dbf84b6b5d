package dev.jobalerts.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.TableNames;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the parser stores copies of one job, against DynamoDB Local and the template's byJobKey index. */
class PostingIntakeIT {
    static final String TEXT = """
            Our payments platform charges customers for the data they send us, and it must never lose or double count an
            event. As a Senior Site Reliability Engineer on the Payments team you will own its availability, its latency
            budget and the on-call rotation that protects it. Run the Kafka and PostgreSQL clusters behind billing.""";
    static final String OTHER_TEAM = """
            Every query a customer types into Fault Labs is answered by our search cluster, which indexes eight terabytes
            of logs a day. The Search Infrastructure team is looking for a Senior Site Reliability Engineer to keep those
            answers fast when traffic spikes during our customers' worst outages.""";
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    PostingStore postings;
    PostingIntake intake;
    TableNames tables;

    @BeforeEach
    void freshTables() {
        tables = dynamo.freshTables();
        postings = new PostingStore(dynamo.client(), tables.postings());
        intake = new PostingIntake(postings);
    }

    static Posting posting(String id, String title, String company, String location, String text, Salary salary) {
        return new Posting(id, "https://boards.example/" + id, title, company, location, false, null, null, salary, text, "jsonld");
    }

    static Posting employer() {
        return posting("fl-1", "Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC", TEXT, null);
    }

    static Posting aggregated(String id) {
        return posting(id, "Sr. Site Reliability Engineer (Remote-friendly)", "Fault Labs, Inc.", "Charlotte, North Carolina",
                TEXT.replace("\n", " "), new Salary(150_000.0, 180_000.0, "USD", "YEAR"));
    }

    @Test
    void store_theSameJobFromASecondBoard_storesItAsACopyOfTheFirst_listedOnTheFirst() {
        intake.store(employer(), "faultlabs", "Fault Labs careers", T0);

        PostingIntake.Result result = intake.store(aggregated("jh-77"), "jobhub", "JobHub", T0.plusSeconds(60));

        assertThat(result).isEqualTo(new PostingIntake.Result(true, "fl-1", 1.0));
        StoredPosting copy = postings.find("jh-77").orElseThrow();
        assertThat(copy.identity().duplicateOf()).isEqualTo("fl-1");
        assertThat(copy.identity().similarity()).isEqualTo(1.0);
        assertThat(copy.sourceName()).isEqualTo("JobHub");
        StoredPosting first = postings.find("fl-1").orElseThrow();
        assertThat(first.identity().isCopy()).isFalse();
        assertThat(first.identity().copies()).containsOnlyKeys("jh-77");
        assertThat(first.identity().copies().get("jh-77").salary().max()).isEqualTo(180_000.0);
        // Every copy stays a posting of its own source: `postings list --source` and reparse see each.
        assertThat(postings.listBySource("jobhub", null)).extracting(p -> p.posting().id()).containsExactly("jh-77");
        assertThat(postings.listBySource("faultlabs", null)).extracting(p -> p.posting().id()).containsExactly("fl-1");
    }

    @Test
    void store_again_whenTheIndexShowsThePosting_writesNothing() {
        intake.store(employer(), "faultlabs", null, T0);
        intake.store(aggregated("jh-77"), "jobhub", "JobHub", T0);

        assertThat(intake.store(employer(), "faultlabs", null, T0.plusSeconds(3600))).isEqualTo(PostingIntake.Result.ALREADY_STORED);
        assertThat(new PostingIntake(postings).store(aggregated("jh-77"), "jobhub", "JobHub", T0.plusSeconds(3600)))
                .isEqualTo(PostingIntake.Result.ALREADY_STORED);
        assertThat(postings.find("fl-1").orElseThrow().identity().copies()).hasSize(1);
    }

    @Test
    void store_anotherOpeningWithTheSameTitle_isAJobOfItsOwn() {
        intake.store(employer(), "faultlabs", null, T0);

        PostingIntake.Result result = intake.store(posting("fl-2", "Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC",
                OTHER_TEAM, null), "faultlabs", null, T0);

        assertThat(result.copyOf()).isNull();
        assertThat(postings.withJobKey(postings.find("fl-1").orElseThrow().identity().key())).hasSize(2);
    }

    @Test
    void store_aPostingWithoutCompany_isNeverComparedNorIndexed() {
        Posting noCompany = posting("x-1", "Senior Site Reliability Engineer", "", "Charlotte, NC", TEXT, null);

        assertThat(intake.store(noCompany, "feed", null, T0).stored()).isTrue();
        assertThat(intake.store(aggregated("jh-77"), "jobhub", "JobHub", T0).copyOf()).isNull();
        assertThat(postings.find("x-1").orElseThrow().identity().key()).isNull();
    }

    @Test
    void store_aRepostAfterTheWindow_isANewJob() {
        intake.store(employer(), "faultlabs", null, T0);

        PostingIntake.Result result = intake.store(posting("fl-1b", "Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC",
                TEXT, null), "faultlabs", null, T0.plus(Duration.ofDays(61)));

        assertThat(result).isEqualTo(new PostingIntake.Result(true, null, null));
    }

    @Test
    void store_aFloodOfCopies_storesEach_butTheFirstListsABoundedNumber() {
        intake.store(employer(), "faultlabs", null, T0);
        for (int n = 0; n < PostingStore.MAX_COPIES + 5; n++) intake.store(aggregated("spam-" + n), "spam", "Spam Board", T0);

        assertThat(postings.listBySource("spam", null)).hasSize(PostingStore.MAX_COPIES + 5)
                .allMatch(p -> "fl-1".equals(p.identity().duplicateOf()));
        assertThat(postings.find("fl-1").orElseThrow().identity().copies()).hasSize(PostingStore.MAX_COPIES);
    }

    @Test
    void store_copiesWithHugeLinks_areStoredEvenWhenTheFirstCopyCannotListThemAll() {
        intake.store(employer(), "faultlabs", null, T0);
        String huge = "https://spam.example/" + "x".repeat(120_000);
        for (int n = 0; n < 5; n++) {
            Posting copy = posting("huge-" + n, "Senior Site Reliability Engineer", "Fault Labs", "Charlotte, NC", TEXT, null);
            copy = new Posting(copy.id(), huge + n, copy.title(), copy.company(), copy.location(), false, null, null, null, TEXT, "rss");
            assertThat(intake.store(copy, "spam", "Spam Board", T0).copyOf()).isEqualTo("fl-1");
        }

        assertThat(postings.listBySource("spam", null)).hasSize(5);
        assertThat(postings.find("fl-1").orElseThrow().identity().copies()).hasSizeBetween(1, 4);
    }

    @Test
    void split_makesTheCopyAJobOfItsOwn_andNoLaterJudgementMergesThemAgain() {
        intake.store(employer(), "faultlabs", null, T0);
        intake.store(aggregated("jh-77"), "jobhub", "JobHub", T0);

        assertThat(postings.split(postings.find("jh-77").orElseThrow())).isTrue();

        StoredPosting split = postings.find("jh-77").orElseThrow();
        assertThat(split.identity().isCopy()).isFalse();
        assertThat(split.identity().splitFrom()).containsExactly("fl-1");
        assertThat(split.firstSeen()).isEqualTo(T0);
        StoredPosting first = postings.find("fl-1").orElseThrow();
        assertThat(first.identity().copies()).isEmpty();
        assertThat(first.identity().splitFrom()).containsExactly("jh-77");
        assertThat(postings.split(split)).as("split twice").isFalse();

        // Even stored afresh (its item lost), the copy is not merged with the posting it was split from.
        dynamo.client().deleteItem(b -> b.tableName(tables.postings()).key(java.util.Map.of("postingId",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("jh-77"))));
        assertThat(new PostingIntake(postings).store(aggregated("jh-77"), "jobhub", "JobHub", T0.plusSeconds(600)).copyOf()).isNull();
    }
}
