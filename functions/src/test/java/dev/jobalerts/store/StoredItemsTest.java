package dev.jobalerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.source.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items as the tables already hold them, written before states and statuses were enums: they must still read. The
 * literals are what the code wrote at the time, attribute for attribute.
 */
class StoredItemsTest {

    @Test
    void sourceItem_writtenWithAStringStatus_readsAsItsFetchStatus() {
        Map<String, AttributeValue> item = Map.of(
                "sourceId", s("harbor-pine"),
                "definition", s("{\"id\":\"harbor-pine\",\"url\":\"https://harbor-pine.example/careers\",\"kind\":\"greenhouse\",\"every\":\"1h\"}"),
                "paused", AttributeValue.fromBool(false),
                "lastRunAt", s("2026-11-22T10:00:00Z"),
                "lastStatus", s("not-modified"),
                "statusDetail", s("HTTP 304"),
                "failures", AttributeValue.fromN("0"),
                "postingsLastRun", AttributeValue.fromN("7"),
                "postingsHighWater", AttributeValue.fromN("9"),
                "broken", AttributeValue.fromBool(false));

        Source source = SourceStore.fromItem(item);

        assertThat(source.health().lastStatus()).isEqualTo(FetchStatus.NOT_MODIFIED);
        assertThat(source.health().lastRunAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(source.health().postingsLastRun()).isEqualTo(7);
    }

    @Test
    void sourceItem_neverFetched_readsAsNever() {
        Source source = SourceStore.fromItem(Map.of("sourceId", s("new"),
                "definition", s("{\"id\":\"new\",\"url\":\"https://new.example/jobs\"}")));

        assertThat(source.health().lastStatus()).isEqualTo(FetchStatus.NEVER);
    }

    @Test
    void deliveryItem_writtenWithAStringState_readsAsItsDeliveryState() {
        Map<String, AttributeValue> item = Map.of(
                "subscriberId", s("3f2a9c"),
                "postingId", s("greenhouse:4711"),
                "searchId", s("s1"),
                "matchedTerms", AttributeValue.fromL(List.of(s("python"))),
                "state", s("queued"),
                "claimedAt", s("2026-11-22T10:00:00Z"),
                "pendingKey", s("daily#08"),
                "pendingSort", s("3f2a9c#greenhouse:4711"),
                "expiresAt", AttributeValue.fromN("1769076000"));

        Delivery delivery = DeliveryStore.fromItem(item);

        assertThat(delivery.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(delivery.pendingKey()).isEqualTo("daily#08");
        assertThat(delivery.matchedTerms()).containsExactly("python");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
