package dev.jobalerts.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The template.yaml that SAM deploys, packaged into jobalerts.jar so the local cloud is built from the same file. */
public final class Template {
    static final String RESOURCE = "/jobalerts/template.yaml";

    private Template() {}

    public static JsonNode load() {
        try (InputStream in = Template.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("template.yaml is not on the classpath at " + RESOURCE);
            return CloudFormationYaml.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("template.yaml is unreadable", e);
        }
    }
}
