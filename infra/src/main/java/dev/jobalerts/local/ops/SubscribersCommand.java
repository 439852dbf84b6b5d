package dev.jobalerts.local.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.Table;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.TokenService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code subscribers list|show|suppress|delete}: the people behind the addresses. {@code delete} is a request to be
 * forgotten: the profile, the saved searches (tombstoned so warm matchers drop them) and the delivery ledger go.
 */
final class SubscribersCommand {
    static final Set<String> OPTIONS = Set.of("--status");

    private final Session session;

    SubscribersCommand(Session session) {
        this.session = session;
    }

    int run() {
        Args args = session.args;
        String action = args.positional(0, "subscribers action: list, show, suppress or delete");
        return switch (action) {
            case "list" -> list(args.atMost(1, "subscribers list"));
            case "show" -> show(args.atMost(2, "subscribers show").positional(1, "email address"));
            case "suppress" -> suppress(args.atMost(2, "subscribers suppress").positional(1, "email address"));
            case "delete" -> delete(args.atMost(2, "subscribers delete").positional(1, "email address"));
            default -> throw new UsageException("unknown subscribers action: " + action + " (list, show, suppress, delete)");
        };
    }

    private int list(Args args) {
        List<SubscriberStatus> statuses;
        try {
            statuses = args.option("--status") == null ? Arrays.asList(SubscriberStatus.values())
                    : List.of(SubscriberStatus.fromWire(args.option("--status")));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--status: " + e.getMessage());
        }
        SubscriberStore store = session.subscribers();
        List<Subscriber> subscribers = new ArrayList<>();
        // The byStatus index answers each status with a Query; five small queries beat a Scan of every search item.
        for (SubscriberStatus status : statuses) subscribers.addAll(store.listByStatus(status));
        subscribers.sort((a, b) -> a.email().compareTo(b.email()));
        if (args.json()) {
            subscribers.forEach(s -> session.out.println(toJson(s, store.searchesOf(s.subscriberId()).size())));
            return 0;
        }
        if (subscribers.isEmpty()) {
            session.out.println("no subscribers" + (args.option("--status") == null ? "" : " with status " + args.option("--status")));
            return 0;
        }
        String[][] rows = new String[subscribers.size()][];
        for (int i = 0; i < rows.length; i++) {
            Subscriber s = subscribers.get(i);
            rows[i] = new String[] {s.email(), s.status().wireName(), s.frequency().wireName(),
                    Integer.toString(store.searchesOf(s.subscriberId()).size()), since(s)};
        }
        Table.print(new String[] {"EMAIL", "STATUS", "FREQUENCY", "SEARCHES", "SINCE"}, rows, session.out);
        return 0;
    }

    private int show(String email) {
        SubscriberStore store = session.subscribers();
        Subscriber subscriber = find(store, email);
        List<SubscriberSearch> searches = store.searchesOf(subscriber.subscriberId());
        Map<String, Long> deliveries = session.deliveries().of(subscriber.subscriberId()).stream()
                // Keyed by the stored name, so the listing stays in alphabetical order.
                .collect(Collectors.groupingBy(d -> d.state().stored(), TreeMap::new, Collectors.counting()));
        if (session.args.json()) {
            ObjectNode node = toJson(subscriber, searches.size());
            var array = node.putArray("searches");
            for (SubscriberSearch search : searches) {
                ObjectNode item = Json.mapper().valueToTree(search.search());
                item.put("paused", search.paused());
                item.put("confirmed", search.confirmed());
                array.add(item);
            }
            node.set("deliveries", Json.mapper().valueToTree(deliveries));
            session.out.println(node);
            return 0;
        }
        String[][] rows = {
                {"email", subscriber.email()},
                {"id", subscriber.subscriberId()},
                {"status", subscriber.status().wireName()},
                {"frequency", subscriber.frequency().wireName()},
                {"time zone", subscriber.timeZone()},
                {"since", since(subscriber)},
                {"deliveries", deliveries.isEmpty() ? "none" : deliveries.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))}};
        Table.print(new String[] {"FIELD", "VALUE"}, rows, session.out);
        session.out.println();
        if (searches.isEmpty()) {
            session.out.println("no saved searches");
            return 0;
        }
        String[][] searchRows = new String[searches.size()][];
        for (int i = 0; i < searchRows.length; i++) {
            SubscriberSearch s = searches.get(i);
            searchRows[i] = new String[] {s.search().id(), s.live() ? "live" : s.paused() ? "paused" : s.confirmed() ? "inactive" : "unconfirmed",
                    Json.write(s.search())};
        }
        Table.print(new String[] {"SEARCH", "STATE", "DEFINITION"}, searchRows, session.out);
        return 0;
    }

    private int suppress(String email) {
        SubscriberStore store = session.subscribers();
        Subscriber subscriber = find(store, email);
        if (subscriber.status() == SubscriberStatus.SUPPRESSED) {
            session.done(subscriber.email() + " is already suppressed", "email", subscriber.email(), "status", "suppressed");
            return 0;
        }
        // The same change a hard bounce makes: the status is copied onto every search so matchers stop at once.
        statusChanger(store).changeStatus(subscriber, SubscriberStatus.SUPPRESSED);
        session.done("suppressed " + subscriber.email() + ": no more mail to this address unless they sign up afresh",
                "email", subscriber.email(), "status", "suppressed");
        return 0;
    }

    private int delete(String email) {
        SubscriberStore store = session.subscribers();
        DeliveryStore deliveries = session.deliveries();
        // The CLI holds no id secret: the address is found through the status index, its id read from the profile.
        String id = find(store, email).subscriberId();
        int searches = store.searchesOf(id).size();
        int ledger = deliveries.of(id).size();
        store.delete(id, Instant.now());
        deliveries.deleteAllOf(id);
        String normalised = SubscriberIds.normalise(email);
        session.done("deleted " + normalised + ": profile, " + searches + " searches, " + ledger + " deliveries",
                "email", normalised, "deleted", true, "searches", searches, "deliveries", ledger);
        return 0;
    }

    private Subscriber find(SubscriberStore store, String email) {
        return store.findByEmailInIndex(email)
                .orElseThrow(() -> new UsageException("no subscriber with address " + email + " (see: subscribers list)"));
    }

    /**
     * SubscriptionService owns status changes. changeStatus touches neither tokens nor ids, so the CLI gives it a
     * throwaway key rather than the deployment's secret.
     */
    private static SubscriptionService statusChanger(SubscriberStore store) {
        byte[] throwaway = new byte[32];
        new SecureRandom().nextBytes(throwaway);
        return new SubscriptionService(store, new TokenService(throwaway, Clock.systemUTC()), new SubscriberIds(throwaway), Clock.systemUTC());
    }

    /** Whole seconds are plenty for an operator; the stored instant keeps its precision. */
    private static String since(Subscriber s) {
        return s.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static ObjectNode toJson(Subscriber s, int searches) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("email", s.email());
        node.put("subscriberId", s.subscriberId());
        node.put("status", s.status().wireName());
        node.put("frequency", s.frequency().wireName());
        node.put("timeZone", s.timeZone());
        node.put("createdAt", s.createdAt().toString());
        node.put("searches", searches);
        return node;
    }
}
