package dev.jobalerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubscriberStoreIT {
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();


    @Test
    void searchChangesSince_returnsOnlyLaterChanges_includingTombstones() {
        var store = new SubscriberStore(dynamo.client(), dynamo.freshTables().subscribers());
        store.saveSearch(new SubscriberSearch("a", SavedSearch.ofQuery("s1", "java"), false, true, false, SubscriberStatus.ACTIVE, Frequency.INSTANT, 1000));
        store.saveSearch(new SubscriberSearch("b", SavedSearch.ofQuery("s1", "go"), false, true, false, SubscriberStatus.ACTIVE, Frequency.INSTANT, 2000));
        store.saveSearch(new SubscriberSearch("b", SavedSearch.ofQuery("s2", "rust"), false, true, true, SubscriberStatus.ACTIVE, Frequency.INSTANT, 3000));

        assertThat(store.searchChangesSince(0)).hasSize(3);
        assertThat(store.searchChangesSince(2000)).extracting(s -> s.indexKey().format()).containsExactly("b/s1", "b/s2");
        assertThat(store.searchChangesSince(2500)).singleElement().satisfies(s -> assertThat(s.deleted()).isTrue());
        assertThat(store.searchesOf("b")).extracting(s -> s.indexKey().format()).containsExactly("b/s1");
    }
}
