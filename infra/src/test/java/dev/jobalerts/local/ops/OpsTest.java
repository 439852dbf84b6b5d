package dev.jobalerts.local.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.local.cli.CommandRun;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.Template;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.store.TableSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the commands point, and how they fail before or while reaching the store. */
class OpsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sources,true", "sources list,true", "fetch,true", "reparse,true", "postings list,true", "subscribers show,true",
            "serve,false", "demo,false", "parse,false"})
    void operatorCommands_areTheFiveThatTakeAStore_andNoOthers(String command, boolean operator) {
        String help = CommandRun.of((command + " --help").split(" ")).out();

        assertThat(help.contains("--endpoint=URL") && help.contains("--stack=NAME")).isEqualTo(operator);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"sources,list", "fetch,", "reparse,", "postings,list", "subscribers,list"})
    void run_withoutEndpointOrStack_exitsTwoAndSaysWhatItNeeds(String command, String action) {
        String[] args = action == null ? new String[0] : new String[] {action};

        LocalStore.Run run = LocalStore.Run.of(command, args, Map.of());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--endpoint URL").contains("--stack NAME").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void stack_tableNames_areThoseTemplateYamlGivesTheStack() {
        TableNames fromTemplate = TableSchemas.names(TableSchemas.fromTemplate(Template.load(), "mystack"));

        Target target = Target.resolve(null, "mystack", Map.of());

        assertThat(fromTemplate).isEqualTo(TableNames.forStack("mystack"));
        assertThat(target.tables()).isEqualTo(fromTemplate);
        assertThat(target.endpoint()).isNull();
        assertThat(target.loopback()).isFalse();
    }

    @Test
    void resolve_whenEnvironmentNamesAnEndpoint_usesTheLocalStackTables() {
        Target target = Target.resolve(null, null, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:8000"));

        assertThat(target.tables()).isEqualTo(TableNames.forStack(LocalDynamo.STACK));
        assertThat(target.endpoint()).hasToString("http://127.0.0.1:8000");
        assertThat(target.loopback()).isTrue();
    }

    @Test
    void resolve_whenStackAndEndpointAreGiven_usesTheStackTablesAtTheEndpoint() {
        Target target = Target.resolve("http://localhost:4566", "staging", Map.of());

        assertThat(target.tables()).isEqualTo(TableNames.forStack("staging"));
        assertThat(target.loopback()).isTrue();
    }

    @Test
    void run_whenEndpointIsUnreachable_exitsOneNamingTheEndpointAndWhatToDo() {
        String endpoint = "http://127.0.0.1:" + LocalDynamo.freePort();

        LocalStore.Run run = LocalStore.Run.of("sources", new String[] {"list", "--endpoint", endpoint}, Map.of());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(endpoint).contains("serve").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "sources|list --stack 9lives|--stack: stack name must start with a letter",
            "sources|list --endpoint ftp://x|--endpoint must be an http(s) URL",
            "sources|list --colour|unknown option for sources list: --colour",
            "postings|list --since yesterday|--since must be a date",
            "sources|frobnicate --stack s|unknown sources action: frobnicate",
            "sources|show|missing source id",
            "postings|list --source|--source needs a value",
            "subscribers|list --status gone --stack s|--status: status must be one of"})
    void run_whenUsageIsWrong_exitsTwoWithOneLineSayingWhatToFix(String command, String args, String message) {
        LocalStore.Run run = LocalStore.Run.of(command, args.split(" "), Map.of());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains(message);
        assertThat(run.err().lines()).hasSize(1);
    }
}
