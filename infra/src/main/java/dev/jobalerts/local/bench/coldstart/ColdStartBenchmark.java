package dev.jobalerts.local.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.local.LocalCloud;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cloud.CloudFormationYaml;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.SesEmulatorProcess;
import dev.jobalerts.local.lambda.FunctionEnvironment;
import dev.jobalerts.local.lambda.LambdaProcess;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.subscribe.SubscriberStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench coldstart}, run from a checkout after {@code mvn package} (it starts the deployment artifacts under
 * functions/target/lambda/ and the SES emulator under infra/ses-emulator/): every function's init against a
 * yardstick handler that only builds a DynamoDB and an SES v2 client, then the first invocation of the API's sign-up
 * and of the matcher's batch against their warm invocations, primed and not. Options: {@code --rounds N} (init
 * rounds, default 10), {@code --invocation-rounds N} (default 9), {@code --invocations N} per JVM (default 15), {@code --raw}
 * (print every run's invocation times: on a shared machine one slow batch moves a median of few runs).
 */
@Command(name = "coldstart", description = {"each function's init and first invocations against yardsticks, primed and not",
        "Run it inside a checkout after mvn package."})
public final class ColdStartBenchmark implements Callable<Integer> {
    static final double INIT_GOAL = 1.10;
    static final double FIRST_INVOCATION_GOAL = 1.20;
    private static final String SECRET = "coldstart-bench-secret-0123456789";

    @Option(names = "--rounds", paramLabel = "N", description = "init rounds (default 10)")
    int rounds = 10;
    @Option(names = "--invocation-rounds", paramLabel = "N", description = "first-invocation rounds (default 9)")
    int invocationRounds = 9;
    @Option(names = "--invocations", paramLabel = "N", description = "invocations per JVM (default 15)")
    int invocations = 15;
    @Option(names = "--raw", description = "print every run's invocation times")
    boolean raw;

    private final PrintStream out;

    ColdStartBenchmark(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public Integer call() throws IOException {
        Path repository = repository();
        JsonNode template;
        try (InputStream in = Files.newInputStream(repository.resolve("template.yaml"))) {
            template = CloudFormationYaml.read(in);
        }
        Path work = Files.createTempDirectory("coldstart-");
        LambdaProcess lambda = new LambdaProcess(work);
        try (LocalDynamo dynamo = LocalDynamo.start(0);
             SesEmulatorProcess ses = SesEmulatorProcess.start(repository.resolve("infra/ses-emulator"), 1_000)) {
            TableNames tables = dynamo.createTables(template, "bench");
            Map<String, String> env = FunctionEnvironment.of(tables, dynamo.endpoint(), ses.endpoint().toString(),
                    "http://127.0.0.1:8080", LocalCloud.SENDER, SECRET);
            Map<String, LambdaProcess.Launch> functions = functions(template, repository, env);
            Path baseline = BaselineArtifact.write(functions.get("MatcherFunction").artifact(),
                    repository.resolve("functions/target/jobalerts-all.jar"), work);

            Map<String, String> eventSources = eventSources(template);
            Map<String, LambdaProcess.Launch> candidates = new LinkedHashMap<>();
            candidates.put(InitTimes.HELLO, new LambdaProcess.Launch(baseline, HelloHandler.class.getName() + "::handleRequest", "hello", env, false));
            InitTimes.YARDSTICKS.forEach((source, handler) -> candidates.put(InitTimes.yardstick(source),
                    new LambdaProcess.Launch(baseline, handler.getName() + "::handleRequest", "minimal", env, false)));
            candidates.putAll(functions);
            out.printf(Locale.ROOT, "JVM: %s %s; options: %s%n%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    String.join(" ", LambdaProcess.JVM_OPTIONS));
            Map<String, Double> init = InitTimes.measure(lambda, candidates, rounds);
            InitTimes.print(init, eventSources, rounds, out);

            FirstInvocations.seedSubscribers(new SubscriberStore(dynamo.client(), tables.subscribers()));
            FirstInvocations first = new FirstInvocations(lambda, work, raw ? out : null);
            List<FirstInvocations.Figures> figures = new ArrayList<>();
            for (String function : List.of("ApiFunction", "MatcherFunction"))
                for (boolean primed : List.of(false, true)) {
                    LambdaProcess.Launch launch = functions.get(function);
                    figures.add(first.measure(function, new LambdaProcess.Launch(launch.artifact(), launch.handler(),
                            launch.functionName(), launch.environment(), primed), invocationRounds, invocations));
                }
            out.println();
            FirstInvocations.print(figures, invocationRounds, invocations, out);

            out.println();
            long initOver = functions.keySet().stream().filter(f -> InitTimes.ratio(init, f, eventSources.get(f)) > INIT_GOAL).count();
            long firstOver = figures.stream().filter(f -> f.primed() && f.ratio() > FIRST_INVOCATION_GOAL).count();
            out.printf(Locale.ROOT, "goals: init ≤ %.2f× the minimal SDK handler of the same event type: %d of %d functions over; "
                    + "primed first invocation ≤ %.2f× warm: %d of 2 over%n", INIT_GOAL, initOver, functions.size(), FIRST_INVOCATION_GOAL, firstOver);
        }
        return 0;
    }

    /** Every function in template.yaml, started from its CodeUri with its Handler. */
    static Map<String, LambdaProcess.Launch> functions(JsonNode template, Path repository, Map<String, String> env) {
        Map<String, LambdaProcess.Launch> functions = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(resource -> {
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) return;
            JsonNode properties = resource.getValue().path("Properties");
            JsonNode codeUri = properties.has("CodeUri") ? properties.path("CodeUri") : template.at("/Globals/Function/CodeUri");
            Path artifact = repository.resolve(codeUri.asText());
            if (!Files.isRegularFile(artifact))
                throw new IllegalStateException(artifact + " is missing: run `mvn -B package -DskipTests` in the repository first");
            functions.put(resource.getKey(), new LambdaProcess.Launch(artifact, properties.path("Handler").asText(), resource.getKey(), env, false));
        });
        return functions;
    }

    /** Each function's event source type (the first of its Events). */
    static Map<String, String> eventSources(JsonNode template) {
        Map<String, String> sources = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(resource -> {
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) return;
            var events = resource.getValue().path("Properties").path("Events").elements();
            if (events.hasNext()) sources.put(resource.getKey(), events.next().path("Type").asText());
        });
        return sources;
    }

    /** The checkout this runs in: the nearest directory upwards holding template.yaml and functions/. */
    static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) return dir;
        throw new UncheckedIOException(new IOException("run bench coldstart inside a checkout of the repository (no template.yaml found above "
                + Path.of("").toAbsolutePath() + ")"));
    }
}
