package dev.jobalerts.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a source's API credential lives — never the credential itself, so definitions can be stored, exported and
 * shown freely. {@code env:NAME} reads an environment variable of the fetcher; {@code secret:NAME} a Secrets
 * Manager secret's string, {@code secret:NAME#field} one field of a JSON secret. Resolved at fetch time.
 */
public record CredentialRef(Store store, String name, String field) {
    /** Where the value is kept. */
    public enum Store { ENV, SECRETS_MANAGER }

    private static final Pattern ENV = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]{0,127})");
    // Secrets Manager names: 1-512 of letters, digits and /_+=.@- (AWS API reference, CreateSecret Name).
    private static final Pattern SECRET = Pattern.compile("secret:([A-Za-z0-9/_+=.@-]{1,512})(?:#([A-Za-z0-9_.-]{1,128}))?");

    public CredentialRef {
        if (store == null || name == null || name.isBlank()) throw new IllegalArgumentException("a credential reference needs a store and a name");
        if (store == Store.ENV && field != null) throw new IllegalArgumentException("an environment variable has no #field");
    }

    /**
     * Parses a reference; {@code where} names the field in the message ({@code credentials.apiKey}). Anything that
     * is not a reference is refused without repeating it, since it may be the secret pasted by mistake.
     */
    public static CredentialRef parse(String where, String text) {
        if (text != null) {
            Matcher env = ENV.matcher(text.strip());
            if (env.matches()) return new CredentialRef(Store.ENV, env.group(1), null);
            Matcher secret = SECRET.matcher(text.strip());
            if (secret.matches()) return new CredentialRef(Store.SECRETS_MANAGER, secret.group(1), secret.group(2));
        }
        throw new IllegalArgumentException(where + " must be a reference such as env:USAJOBS_API_KEY or secret:jobalerts/usajobs#apiKey,"
                + " never the credential itself");
    }

    @Override
    public String toString() {
        return store == Store.ENV ? "env:" + name : "secret:" + name + (field == null ? "" : "#" + field);
    }
}
