package dev.jobalerts.coldstart;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a function's services are wired from for priming: the function's own, with every AWS endpoint
 * pointed at the {@link PrimingEndpoint} and every credential source removed. The wiring then picks placeholder
 * credentials (as it does for emulators), so priming resolves no real credential that the snapshot could keep.
 */
final class PrimingEnvironment {
    private static final List<String> ENDPOINT_VARIABLES = List.of(
            "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SESV2", "AWS_ENDPOINT_URL_SECRETS_MANAGER",
            "DYNAMODB_ENDPOINT", "SESV2_ENDPOINT", "SECRETSMANAGER_ENDPOINT");
    private static final List<String> CREDENTIAL_VARIABLES = List.of(
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN");

    private PrimingEnvironment() {}

    static Map<String, String> of(Map<String, String> environment, URI endpoint) {
        Map<String, String> priming = new HashMap<>(environment);
        CREDENTIAL_VARIABLES.forEach(priming::remove);
        ENDPOINT_VARIABLES.forEach(name -> priming.put(name, endpoint.toString()));
        return priming;
    }
}
