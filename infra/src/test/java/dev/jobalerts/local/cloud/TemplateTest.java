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
 * (short tags mapped to long form), and every Handler must name a class in the shaded jar whose input type fits
 * the function's event source.
 */
class TemplateTest {
    static final Path ROOT = Path.of("..");
    static final Path SHADED_JAR = ROOT.resolve("functions/target/jobalerts-functions.jar");
    static final Path SAM_SCHEMA = ROOT.resolve("../shared/schemas/sam.schema.json");

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

    @Test
    void everyHandler_isAClassInTheShadedJar_whoseInputFitsItsEventSource() throws Exception {
        Assumptions.assumeTrue(Files.exists(SHADED_JAR), "run `mvn package` first: " + SHADED_JAR.toAbsolutePath() + " is missing");
        JsonNode template = template();
        assertThat(template.at("/Globals/Function/CodeUri").asText()).isEqualTo("functions/target/jobalerts-functions.jar");
        List<String> checked = new ArrayList<>();
        try (URLClassLoader jar = new URLClassLoader(new URL[] {SHADED_JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            var resources = template.path("Resources").fields();
            while (resources.hasNext()) {
                var resource = resources.next();
                if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) continue;
                JsonNode props = resource.getValue().path("Properties");
                String[] handler = props.path("Handler").asText().split("::");
                Class<?> type = Class.forName(handler[0], false, jar);
                assertThat(type.getClassLoader()).as(handler[0] + " comes from the shaded jar").isSameAs(jar);
                String input = inputTypeOf(type, handler.length > 1 ? handler[1] : "handleRequest");
                props.path("Events").forEach(event -> {
                    String source = event.path("Type").asText();
                    assertThat(INPUT_TYPES).as("known event source").containsKey(source);
                    assertThat(INPUT_TYPES.get(source)).as(resource.getKey() + " input for " + source).contains(input);
                });
                checked.add(resource.getKey());
            }
        }
        assertThat(checked).contains("FetcherFunction", "ParserFunction", "MatcherFunction", "ApiFunction");
    }

    @Test
    void shadedJar_holdsNoNettyNorApacheHttpClient() throws Exception {
        Assumptions.assumeTrue(Files.exists(SHADED_JAR), "run `mvn package` first");
        try (var zip = new java.util.zip.ZipFile(SHADED_JAR.toFile())) {
            List<String> forbidden = zip.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(name -> name.startsWith("io/netty/") || name.startsWith("org/apache/http/")
                            || name.startsWith("org/apache/hc/") || name.startsWith("software/amazon/awssdk/http/apache")
                            || name.startsWith("software/amazon/awssdk/http/nio/netty"))
                    .limit(5).toList();
            assertThat(forbidden).isEmpty();
        }
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
