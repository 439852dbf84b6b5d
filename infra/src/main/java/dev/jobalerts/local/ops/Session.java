package dev.jobalerts.local.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.fetcher.Credentials;
import dev.jobalerts.fetcher.SecretsManagerStrings;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cli.UsageException;
import dev.jobalerts.wiring.AwsClients;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.subscribe.SubscriberStore;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One command's surroundings: its store options, streams, and the store it works on, connected only when the
 * command first needs it (a dry run never does). Closing releases the client.
 */
final class Session implements AutoCloseable {
    final StoreOptions options;
    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    private final Map<String, String> env;
    private Target target;
    private DynamoDbClient client;

    Session(StoreOptions options, Terminal terminal) {
        this.options = options;
        this.in = terminal.in();
        this.out = terminal.out();
        this.err = terminal.err();
        this.env = terminal.env();
    }

    boolean json() {
        return options.json;
    }

    /**
     * Ends a command that changed something: the sentence for a person, or with {@code --json} one object of the
     * given name/value pairs for a script.
     */
    void done(String human, Object... keyValues) {
        if (!json()) {
            out.println(human);
            return;
        }
        ObjectNode line = Json.mapper().createObjectNode();
        for (int i = 0; i + 1 < keyValues.length; i += 2) line.set((String) keyValues[i], Json.mapper().valueToTree(keyValues[i + 1]));
        out.println(line);
    }

    Target target() {
        if (target == null) target = Target.resolve(options.endpoint, options.stack, env);
        return target;
    }

    /** Where the store is, for error messages; "the store" before a target was resolved. */
    String where() {
        return target == null ? "the store" : target.describe(env);
    }

    DynamoDbClient dynamo() {
        if (client == null) client = target().client(env);
        return client;
    }

    SourceStore sources() {
        return new SourceStore(dynamo(), target().tables().sources());
    }

    PageStore pages() {
        return new PageStore(dynamo(), target().tables().pages());
    }

    PostingStore postings() {
        return new PostingStore(dynamo(), target().tables().postings());
    }

    SubscriberStore subscribers() {
        return new SubscriberStore(dynamo(), target().tables().subscribers());
    }

    DeliveryStore deliveries() {
        return new DeliveryStore(dynamo(), target().tables().deliveries());
    }

    /**
     * Fetch settings for this target. The SSRF guard is relaxed only when the store is the local cloud on loopback,
     * whose sample board is on loopback too; against a deployed stack (or with no store at all) it stays on, exactly
     * as in the fetcher Lambda.
     */
    FetchSettings fetchSettings() {
        boolean local;
        try {
            local = target().loopback();
        } catch (UsageException noStore) {
            local = false;
        }
        FetchSettings settings = local ? FetchSettings.defaults().allowingPrivateAddresses() : FetchSettings.defaults();
        for (Map.Entry<String, URI> route : ConnectTo.parse(options.connectTo, env.get(ConnectTo.VARIABLE)).entrySet())
            settings = settings.routing(route.getKey(), route.getValue());
        return settings;
    }

    /**
     * Credentials as the fetcher resolves them: this process's environment, and Secrets Manager when the target is a
     * deployed stack (the local cloud has none).
     */
    Credentials credentials() {
        boolean stack = options.stack != null;
        return stack ? new Credentials(env, new SecretsManagerStrings(() -> AwsClients.secretsManager(env), Clock.systemUTC()))
                : Credentials.fromEnvironment(env);
    }

    Adapters adapters() {
        return ADAPTERS;
    }

    private static final Adapters ADAPTERS = new Adapters();

    @Override
    public void close() {
        if (client != null) client.close();
    }
}
