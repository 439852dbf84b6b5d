package dev.jobalerts.local.ops;

import picocli.CommandLine.Option;

/** The options every operator command takes: which store, where fetches connect, and the output format. */
final class StoreOptions {
    @Option(names = "--endpoint", paramLabel = "URL",
            description = "the local cloud's DynamoDB (serve prints it, e.g. http://127.0.0.1:8000); default AWS_ENDPOINT_URL_DYNAMODB or AWS_ENDPOINT_URL")
    String endpoint;

    @Option(names = "--stack", paramLabel = "NAME",
            description = "a deployed stack's tables (STACK-sources …), credentials and region from the standard AWS chain (AWS_PROFILE, AWS_REGION …)")
    String stack;

    @Option(names = ConnectTo.OPTION, paramLabel = "HOST=ORIGIN[,…]",
            description = "send fetches for HOST to ORIGIN, URLs unchanged, like curl's option (default " + ConnectTo.VARIABLE + ")")
    String connectTo;

    @Option(names = "--json", description = "print one JSON object a line, for scripts")
    boolean json;

    /** These options, each one not given taken from {@code fallback}. */
    StoreOptions over(StoreOptions fallback) {
        StoreOptions merged = new StoreOptions();
        merged.endpoint = endpoint != null ? endpoint : fallback.endpoint;
        merged.stack = stack != null ? stack : fallback.stack;
        merged.connectTo = connectTo != null ? connectTo : fallback.connectTo;
        merged.json = json || fallback.json;
        return merged;
    }
}
