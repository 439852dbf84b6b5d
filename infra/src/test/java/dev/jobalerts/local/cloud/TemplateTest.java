package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.jobalerts.store.PostingItems;
import dev.jobalerts.store.PostingStore;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is what SAM deploys, so it is checked the way CloudFormation would: against the SAM JSON schema
 * (short tags mapped to long form), and every Handler must name a class in its own function's artifact whose input
 * type fits the function's event source. Whether each artifact also runs is {@link ArtifactsIT}'s question.
 */
class TemplateTest {
    static final Path ROOT = Path.of("..");
    static final Path SAM_SCHEMA = ROOT.resolve("../shared/schemas/sam.schema.json");
    /** The deployment limit we hold every function's artifact to (Lambda's own is 50 MB zipped). */
    static final long MAX_ARTIFACT_BYTES = 10L * 1024 * 1024;

    /** What each event source hands its function (SAM event Type → accepted handler input types). */
    static final Map<String, Set<String>> INPUT_TYPES = Map.of(
            "DynamoDB", Set.of(DynamodbEvent.class.getName()),
            "HttpApi", Set.of(APIGatewayV2HTTPEvent.class.getName()),
            "ScheduleV2", Set.of(Map.class.getName(), ScheduledEvent.class.getName()),
            "Schedule", Set.of(Map.class.getName(), ScheduledEvent.class.getName()),
            "SNS", Set.of(SNSEvent.class.getName()));

    static JsonNode template() throws Exception {
        try (InputStream in = Files.newInputStream(ROOT.resolve("template.yaml"))) {
            return CloudFormationYaml.read(in);
        }
    }

    @Test
    void template_validatesAgainstTheSamSchema() throws Exception {
        Assumptions.assumeTrue(Files.exists(SAM_SCHEMA), "SAM schema not found at " + SAM_SCHEMA.toAbsolutePath() + " (shared/ beside the clone)");
        JsonNode schemaNode = new ObjectMapper().readTree(SAM_SCHEMA.toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaNode);

        Set<ValidationMessage> problems = schema.validate(template());

        assertThat(problems).as("schema violations").isEmpty();
    }

    /** Every AWS::Serverless::Function resource, by logical id. */
    static Map<String, JsonNode> functions(JsonNode template) {
        Map<String, JsonNode> functions = new java.util.LinkedHashMap<>();
        template.path("Resources").properties().forEach(resource -> {
            if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText()))
                functions.put(resource.getKey(), resource.getValue().path("Properties"));
        });
        return functions;
    }

    /** A function's property as deployed: its own, else the template's Globals. */
    static JsonNode effective(JsonNode template, JsonNode properties, String name) {
        return properties.has(name) ? properties.path(name) : template.path("Globals").path("Function").path(name);
    }

    /** The artifact a function deploys (its CodeUri, relative to the repository). */
    static Path artifactOf(JsonNode template, JsonNode properties) {
        return ROOT.resolve(effective(template, properties, "CodeUri").asText());
    }

    @Test
    void everyHandler_isAClassInItsOwnArtifact_whoseInputFitsItsEventSource() throws Exception {
        JsonNode template = template();
        List<String> checked = new ArrayList<>();
        for (var function : functions(template).entrySet()) {
            JsonNode props = function.getValue();
            Path artifact = artifactOf(template, props);
            Assumptions.assumeTrue(Files.exists(artifact), "run `mvn package` first: " + artifact.toAbsolutePath() + " is missing");
            // The platform loader as parent: the class and everything its signature names must come from the artifact.
            try (URLClassLoader jar = new URLClassLoader(new URL[] {artifact.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                String[] handler = props.path("Handler").asText().split("::");
                Class<?> type = Class.forName(handler[0], false, jar);
                assertThat(type.getClassLoader()).as(handler[0] + " comes from " + artifact.getFileName()).isSameAs(jar);
                String input = inputTypeOf(type, handler.length > 1 ? handler[1] : "handleRequest");
                props.path("Events").forEach(event -> {
                    String source = event.path("Type").asText();
                    assertThat(INPUT_TYPES).as("known event source").containsKey(source);
                    assertThat(INPUT_TYPES.get(source)).as(function.getKey() + " input for " + source).contains(input);
                });
            }
            checked.add(function.getKey());
        }
        assertThat(checked).contains("FetcherFunction", "ParserFunction", "MatcherFunction", "ApiFunction", "DigestFunction",
                "ConfirmationsFunction", "NotificationsFunction");
    }

    @Test
    void everyArtifact_isAtMost10MB_andHoldsNoNettyNorApacheHttpClient() throws Exception {
        JsonNode template = template();
        for (var function : functions(template).entrySet()) {
            Path artifact = artifactOf(template, function.getValue());
            Assumptions.assumeTrue(Files.exists(artifact), "run `mvn package` first");
            assertThat(Files.size(artifact)).as(function.getKey() + " artifact " + artifact.getFileName() + " in bytes")
                    .isLessThanOrEqualTo(MAX_ARTIFACT_BYTES);
            try (var zip = new java.util.zip.ZipFile(artifact.toFile())) {
                List<String> forbidden = zip.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(name -> name.startsWith("io/netty/") || name.startsWith("org/apache/http/")
                                || name.startsWith("org/apache/hc/") || name.startsWith("software/amazon/awssdk/http/apache")
                                || name.startsWith("software/amazon/awssdk/http/nio/netty"))
                        .limit(5).toList();
                assertThat(forbidden).as(artifact.getFileName().toString()).isEmpty();
            }
        }
    }

    @Test
    void everyFunction_isAJava21SnapStartFunction_publishingTheAliasItsEventSourcesInvoke() throws Exception {
        JsonNode template = template();
        for (var function : functions(template).entrySet()) {
            JsonNode props = function.getValue();
            String name = function.getKey();
            assertThat(effective(template, props, "Runtime").asText()).as(name + " runtime").isEqualTo("java21");
            assertThat(effective(template, props, "SnapStart").path("ApplyOn").asText()).as(name + " SnapStart").isEqualTo("PublishedVersions");
            // SnapStart snapshots published versions only; with an alias SAM publishes one per deployment and wires
            // every event declared under Events to the alias, never to the unpublished $LATEST.
            assertThat(effective(template, props, "AutoPublishAlias").asText()).as(name + " AutoPublishAlias").isNotBlank();
            assertThat(props.path("Events").size()).as(name + " is invoked through its declared events").isPositive();
        }
        // Anything else naming a function (!Ref, !GetAtt …Arn, a FunctionName) would invoke the unpublished function.
        template.path("Resources").properties().forEach(resource -> {
            if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) return;
            String text = resource.getValue().toString();
            for (String function : functions(template).keySet())
                assertThat(text).as(resource.getKey() + " refers to " + function + " directly").doesNotContain("\"" + function + "\"")
                        .doesNotContain("\"" + function + ".Arn\"");
        });
    }

    /**
     * Actions AWS offers no narrower resource for (the Service Authorization Reference lists "*" as their only resource
     * type): the SES account's send rate.
     */
    static final Set<String> ACTIONS_ONLY_ON_EVERYTHING = Set.of("ses:GetAccount");

    @Test
    void noPolicyStatement_grantsAnActionOnEveryResource_unlessAwsAllowsNoNarrowerOne() throws Exception {
        List<String> broad = new java.util.ArrayList<>();
        template().path("Resources").properties().forEach(resource -> {
            List<JsonNode> statements = new java.util.ArrayList<>();
            resource.getValue().path("Properties").path("Policies").forEach(policy -> policy.path("Statement").forEach(statements::add));
            resource.getValue().path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
            for (JsonNode statement : statements) {
                if (!statement.path("Resource").isTextual() || !statement.path("Resource").asText().equals("*")) continue;
                List<String> actions = new java.util.ArrayList<>();
                if (statement.path("Action").isTextual()) actions.add(statement.path("Action").asText());
                statement.path("Action").forEach(a -> actions.add(a.asText()));
                actions.stream().filter(a -> !ACTIONS_ONLY_ON_EVERYTHING.contains(a)).forEach(a -> broad.add(resource.getKey() + ": " + a));
            }
        });
        assertThat(broad).isEmpty();
    }

    @Test
    void sendingFunctions_mayOnlySendAsTheSenderThroughTheConfigurationSet() throws Exception {
        for (String function : List.of("ConfirmationsFunction", "MatcherFunction", "DigestFunction")) {
            JsonNode send = null;
            for (JsonNode policy : template().path("Resources").path(function).path("Properties").path("Policies"))
                for (JsonNode statement : policy.path("Statement"))
                    if (statement.path("Action").asText().equals("ses:SendEmail")) send = statement;
            assertThat(send).as(function).isNotNull();
            assertThat(send.path("Resource").toString()).contains("identity/${SenderAddress}").contains("configuration-set/");
            assertThat(send.path("Condition").path("StringEquals").has("ses:FromAddress")).as(function).isTrue();
        }
    }

    /**
     * ApiFunction reads recent postings for previews only through the byFirstSeenDay index, and for a feed one
     * subscriber's ledger entries (Query) and their postings by key (BatchGetItem): no Scan, no whole-table read
     * policy, and no write to either table.
     */
    @Test
    void apiFunction_readsPostingsAndDeliveriesOnlyAsPreviewsAndFeedsNeed_andWritesNeither() throws Exception {
        JsonNode api = template().path("Resources").path("ApiFunction").path("Properties");
        List<String> grants = new ArrayList<>();
        for (JsonNode policy : api.path("Policies")) {
            policy.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("Statement"))
                    grants.add(field.getKey() + " on " + field.getValue().path("TableName").path("Ref").asText());
            });
            for (JsonNode statement : policy.path("Statement")) {
                String resource = statement.path("Resource").toString();
                if (!resource.contains("PostingsTable") && !resource.contains("DeliveriesTable")) continue;
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                List<String> actions = new ArrayList<>();
                if (statement.path("Action").isTextual()) actions.add(statement.path("Action").asText());
                statement.path("Action").forEach(a -> actions.add(a.asText()));
                for (String action : actions) grants.add(action + " on " + resource);
            }
        }
        assertThat(grants).containsExactlyInAnyOrder(
                "DynamoDBCrudPolicy on SubscribersTable",
                "dynamodb:Query on {\"Fn::Sub\":\"${PostingsTable.Arn}/index/" + PostingStore.BY_FIRST_SEEN_DAY + "\"}",
                "dynamodb:BatchGetItem on {\"Fn::GetAtt\":[\"PostingsTable\",\"Arn\"]}",
                "dynamodb:Query on {\"Fn::GetAtt\":[\"DeliveriesTable\",\"Arn\"]}");
    }

    /** The index the previews read: keyed by day and time first seen, projecting exactly what a preview uses. */
    @Test
    void postingsTable_byFirstSeenDayIndex_projectsWhatAPreviewReads() throws Exception {
        JsonNode index = null;
        for (JsonNode candidate : template().path("Resources").path("PostingsTable").path("Properties").path("GlobalSecondaryIndexes"))
            if (candidate.path("IndexName").asText().equals(PostingStore.BY_FIRST_SEEN_DAY)) index = candidate;
        assertThat(index).as("index " + PostingStore.BY_FIRST_SEEN_DAY).isNotNull();
        assertThat(index.path("KeySchema").toString())
                .isEqualTo("[{\"AttributeName\":\"firstSeenDay\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"firstSeen\",\"KeyType\":\"RANGE\"}]");
        assertThat(index.path("Projection").path("ProjectionType").asText()).isEqualTo("INCLUDE");
        List<String> projected = new ArrayList<>();
        index.path("Projection").path("NonKeyAttributes").forEach(a -> projected.add(a.asText()));
        assertThat(projected).containsExactlyInAnyOrderElementsOf(PostingItems.PREVIEW_ATTRIBUTES);
    }

    @Test
    void apiFunction_hasTheRoutesOfPreviewsAndFeeds() throws Exception {
        List<String> routes = new ArrayList<>();
        template().path("Resources").path("ApiFunction").path("Properties").path("Events").forEach(event ->
                routes.add(event.path("Properties").path("Method").asText() + " " + event.path("Properties").path("Path").asText()));
        assertThat(routes).contains("POST /subscriptions/preview", "GET /feeds/{token}");
    }

    /**
     * The parser's one Query per new posting reads the postings with its job key: the index carries only what the
     * judgement reads, the parser may Query it (SAM's DynamoDBCrudPolicy grants Query on the table's indexes), and the
     * matcher, which shows a job as its first copy, may only GetItem on Postings.
     */
    @Test
    void byJobKeyIndex_projectsOnlyWhatTheJudgementReads_andTheMatcherMayOnlyGetPostings() throws Exception {
        JsonNode template = template();
        JsonNode index = null;
        for (JsonNode gsi : template.at("/Resources/PostingsTable/Properties/GlobalSecondaryIndexes"))
            if (gsi.path("IndexName").asText().equals("byJobKey")) index = gsi;
        assertThat(index).as("byJobKey index").isNotNull();
        assertThat(index.at("/KeySchema/0/AttributeName").asText()).isEqualTo("jobKey");
        assertThat(index.at("/Projection/ProjectionType").asText()).isEqualTo("INCLUDE");
        List<String> projected = new ArrayList<>();
        index.at("/Projection/NonKeyAttributes").forEach(a -> projected.add(a.asText()));
        assertThat(projected).containsExactlyInAnyOrder("descSig", "duplicateOf", "splitFrom");

        List<String> parserPostings = new ArrayList<>();
        for (JsonNode policy : template.at("/Resources/ParserFunction/Properties/Policies"))
            policy.fields().forEachRemaining(f -> {
                if (f.getValue().path("TableName").path("Ref").asText(f.getValue().path("TableName").asText()).contains("PostingsTable"))
                    parserPostings.add(f.getKey());
            });
        assertThat(parserPostings).containsExactly("DynamoDBCrudPolicy");

        List<String> matcherPostings = new ArrayList<>();
        for (JsonNode policy : template.at("/Resources/MatcherFunction/Properties/Policies")) {
            policy.fields().forEachRemaining(f -> {
                if (f.getValue().path("TableName").toString().contains("PostingsTable")) matcherPostings.add(f.getKey());
            });
            for (JsonNode statement : policy.path("Statement"))
                if (statement.path("Resource").toString().contains("PostingsTable")) matcherPostings.add(statement.path("Action").asText());
        }
        assertThat(matcherPostings).containsExactly("dynamodb:GetItem");
    }

    /** The declared (not bridge) handler method's first parameter type. */
    static String inputTypeOf(Class<?> type, String methodName) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(methodName) && !method.isBridge() && method.getParameterCount() == 2
                    && method.getParameterTypes()[1].getName().equals(Context.class.getName())) {
                return method.getParameterTypes()[0].getName();
            }
        }
        throw new AssertionError(type.getName() + " has no " + methodName + "(input, Context)");
    }
}
