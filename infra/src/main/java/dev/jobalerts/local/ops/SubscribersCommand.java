package dev.jobalerts.local.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Table;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cli.UsageErrors;
import dev.jobalerts.local.cli.UsageException;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code subscribers list|show|suppress|delete}: the people behind the addresses. {@code delete} is a request to be
 * forgotten: the profile, the saved searches (tombstoned so warm matchers drop them) and the delivery ledger go.
 */
@Command(name = "subscribers", description = "the people behind the addresses",
        subcommands = {SubscribersCommand.ListAll.class, SubscribersCommand.Show.class, SubscribersCommand.Suppress.class,
                SubscribersCommand.Delete.class})
public final class SubscribersCommand extends OperatorCommand {
    @Command(name = "list", description = "the subscribers by address, with their status, frequency and number of searches")
    static final class ListAll extends OperatorCommand {
        @Option(names = "--status", paramLabel = "STATUS", converter = StatusConverter.class,
                description = "only those with this status: pending, active, paused, unsubscribed or suppressed")
        SubscriberStatus status;

        ListAll(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return list(session, status);
        }
    }

    SubscribersCommand(Terminal terminal) {
        super(terminal);
    }

    /** Only a group of actions; it takes the store options too, so they may come before the action. */
    @Override
    int run(Session session) {
        throw UsageErrors.missingAction(spec);
    }

    @Command(name = "show", description = "one subscriber's profile, deliveries and saved searches")
    static final class Show extends OperatorCommand {
        @Parameters(paramLabel = "<email address>")
        String email;

        Show(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return show(session, email);
        }
    }

    @Command(name = "suppress", description = "no more mail to this address unless they sign up afresh (what a hard bounce does)")
    static final class Suppress extends OperatorCommand {
        @Parameters(paramLabel = "<email address>")
        String email;

        Suppress(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return suppress(session, email);
        }
    }

    @Command(name = "delete", description = "forget a subscriber: profile, saved searches and delivery ledger")
    static final class Delete extends OperatorCommand {
        @Parameters(paramLabel = "<email address>")
        String email;

        Delete(Terminal terminal) {
            super(terminal);
        }

        @Override
        int run(Session session) {
            return delete(session, email);
        }
    }

    /** The status as stored, by its wire name; the enum's own message lists the names it takes. */
    static final class StatusConverter implements ITypeConverter<SubscriberStatus> {
        @Override
        public SubscriberStatus convert(String text) {
            try {
                return SubscriberStatus.fromWire(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private static int list(Session session, SubscriberStatus only) {
        List<SubscriberStatus> statuses = only == null ? Arrays.asList(SubscriberStatus.values()) : List.of(only);
        SubscriberStore store = session.subscribers();
        List<Subscriber> subscribers = new ArrayList<>();
        // The byStatus index answers each status with a Query; five small queries beat a Scan of every search item.
        for (SubscriberStatus status : statuses) subscribers.addAll(store.listByStatus(status));
        subscribers.sort((a, b) -> a.email().compareTo(b.email()));
        if (session.json()) {
            subscribers.forEach(s -> session.out.println(toJson(s, store.searchesOf(s.subscriberId()).size())));
            return 0;
        }
        if (subscribers.isEmpty()) {
            session.out.println("no subscribers" + (only == null ? "" : " with status " + only.wireName()));
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

    private static int show(Session session, String email) {
        SubscriberStore store = session.subscribers();
        Subscriber subscriber = find(store, email);
        List<SubscriberSearch> searches = store.searchesOf(subscriber.subscriberId());
        Map<String, Long> deliveries = session.deliveries().of(subscriber.subscriberId()).stream()
                // Keyed by the stored name, so the listing stays in alphabetical order.
                .collect(Collectors.groupingBy(d -> d.state().stored(), TreeMap::new, Collectors.counting()));
        if (session.json()) {
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

    private static int suppress(Session session, String email) {
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

    private static int delete(Session session, String email) {
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

    private static Subscriber find(SubscriberStore store, String email) {
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
