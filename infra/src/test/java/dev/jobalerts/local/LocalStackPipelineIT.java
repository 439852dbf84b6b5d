package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.json.Json;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.subscribe.Frequency;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The pipeline against LocalStack's DynamoDB and DynamoDB Streams instead of DynamoDB Local: same template tables,
 * same pollers and handlers. Runs where a Docker engine exists; elsewhere JUnit reports it skipped
 * ("disabledWithoutDocker"), which is the case on our build machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPipelineIT {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(LocalStackContainer.Service.DYNAMODB);

    @TempDir
    Path outbox;

    @Test
    void pipeline_onLocalStack_storesEveryPosting_andMailsTheMatchOnce() throws Exception {
        String endpoint = LOCALSTACK.getEndpointOverride(LocalStackContainer.Service.DYNAMODB).toString();
        try (LocalCloud cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outbox, endpoint))) {
            var sources = new SourceStore(cloud.dynamo(), cloud.tables().sources());
            SampleBoard.sources(cloud.boardUrl()).forEach(sources::saveDefinition);
            SavedSearch search = Json.mapper().readValue(Demo.DEMO_SEARCH, SavedSearch.class);
            cloud.subscriptions().signUp(Demo.DEMO_EMAIL, search, Frequency.INSTANT, cloud.apiUrl());
            Outbox mail = new Outbox(outbox);
            cloud.drainStreams();
        String link = mail.latestConfirmLink(Demo.DEMO_EMAIL).orElseThrow();
            cloud.subscriptions().confirm(URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8));

            cloud.fetch(Set.of(), line -> { });
            cloud.drainStreams();
            cloud.replayStreams();

            assertThat(cloud.dynamo().scan(b -> b.tableName(cloud.tables().postings()).select("COUNT")).count()).isEqualTo(20);
            assertThat(mail.alerts()).hasSize(1);
        }
    }
}
