package dev.jobalerts.store;

import java.util.Objects;

/**
 * The physical names of the five tables. In Lambda they come from the environment that template.yaml sets (read by
 * {@link dev.jobalerts.wiring.FunctionConfig#fromEnvironment}); for a deployed stack they derive from its name
 * ({@code ${AWS::StackName}-sources} …).
 */
public record TableNames(String sources, String pages, String postings, String subscribers, String deliveries) {

    public TableNames {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(postings, "postings");
        Objects.requireNonNull(subscribers, "subscribers");
        Objects.requireNonNull(deliveries, "deliveries");
    }

    /** Names as template.yaml gives them to a stack called {@code stackName}. */
    public static TableNames forStack(String stackName) {
        if (stackName == null || !stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}"))
            throw new IllegalArgumentException("stack name must start with a letter and hold only letters, digits and hyphens: " + stackName);
        return new TableNames(stackName + "-sources", stackName + "-pages", stackName + "-postings",
                stackName + "-subscribers", stackName + "-deliveries");
    }
}
