package dev.jobalerts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.local.SampleBoard;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.Template;
import dev.jobalerts.source.Source;
import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.store.TableNames;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One scheduled fetch over real HTTP (the sample board) and real DynamoDB Local: outcomes become health and due times. */
class FetchRunIT {
    static LocalDynamo dynamo;
    static SampleBoard board;
    static PoliteFetcher fetcher;
    static int stacks;
    SourceStore sources;
    FetchRun run;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamo.start(0);
        board = SampleBoard.start(0);
        fetcher = new PoliteFetcher(FetchSettings.defaults().allowingPrivateAddresses());
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        board.close();
        dynamo.close();
    }

    @BeforeEach
    void freshTables() {
        TableNames tables = dynamo.createTables(Template.load(), "fetchrun" + (++stacks));
        sources = new SourceStore(dynamo.client(), tables.sources());
        run = new FetchRun(sources, new PageStore(dynamo.client(), tables.pages()), fetcher, new Adapters(),
                Credentials.fromEnvironment(Map.of()), Clock.systemUTC());
    }

    private void add(String id, String path) {
        sources.saveDefinition(new SourceDefinition(id, null, board.baseUrl() + path, SourceKind.AUTO, null, "1h", "100ms", 0, false, null, null, null, null));
    }

    @Test
    void run_fetchesDueSources_recordsHealth_andSchedulesTheNextRun() {
        add("ok", "/greenhouse/tidewaterfreight-jobs.json");
        add("missing", "/no/such/page.html");
        List<SourceReport> progress = new ArrayList<>();

        FetchRun.Summary summary = run.run(0, 1, Set.of(), Instant.now().plusSeconds(60), progress::add);

        assertThat(summary.sources()).isEqualTo(2);
        assertThat(summary.changed()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(progress).hasSize(2).anyMatch(report -> report.sourceId().equals("missing") && report.status() == FetchStatus.FAILED
                && report.line().startsWith("missing: failed"));
        Source ok = sources.find("ok").orElseThrow();
        assertThat(ok.health().lastStatus()).isEqualTo(FetchStatus.OK);
        assertThat(ok.fetchState().etag()).isNotBlank();
        assertThat(ok.fetchState().nextDueAt()).isAfter(Instant.now().plusSeconds(3000));
        Source missing = sources.find("missing").orElseThrow();
        assertThat(missing.health().consecutiveFailures()).isEqualTo(1);
        assertThat(missing.health().detail()).contains("404");
    }

    @Test
    void run_skipsSourcesNotYetDue_andPausedOnes_unlessNamed() {
        add("ok", "/greenhouse/tidewaterfreight-jobs.json");
        sources.saveDefinition(new SourceDefinition("paused", null, board.baseUrl() + "/lever/brightmeadow-postings.json",
                SourceKind.AUTO, null, "1h", "100ms", 0, true, null, null, null, null));
        run.run(0, 1, Set.of(), Instant.now().plusSeconds(60), line -> { });

        assertThat(run.run(0, 1, Set.of(), Instant.now().plusSeconds(60), line -> { }).sources()).isZero();

        FetchRun.Summary named = run.run(0, 1, Set.of("ok", "paused"), Instant.now().plusSeconds(60), line -> { });
        assertThat(named.sources()).isEqualTo(2);
        assertThat(named.notModified()).as("the stored ETag makes the board answer 304").isEqualTo(1);
    }

    @Test
    void run_pastItsDeadline_defersEverySource_andKeepsThemDue() {
        add("ok", "/greenhouse/tidewaterfreight-jobs.json");

        FetchRun.Summary summary = run.run(0, 1, Set.of(), Instant.now().minusSeconds(1), line -> { });

        assertThat(summary.deferred()).isEqualTo(1);
        Source ok = sources.find("ok").orElseThrow();
        assertThat(ok.health().lastStatus()).isEqualTo(FetchStatus.DEFERRED);
        assertThat(ok.fetchState().nextDueAt()).as("still due: it goes first next run").isNull();
    }
}
