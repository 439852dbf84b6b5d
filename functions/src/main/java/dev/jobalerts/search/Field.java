package dev.jobalerts.search;

/** Which posting fields a query term is matched against ({@code title:}, {@code company:} or all three). */
public enum Field {
    /** Title, company and description: the default for an unrestricted term. */
    ANY(0b111, ""),
    TITLE(0b001, "title:"),
    COMPANY(0b010, "company:");

    final int mask;
    final String prefix;

    Field(int mask, String prefix) {
        this.mask = mask;
        this.prefix = prefix;
    }
}
