package dev.jobalerts.search;

import java.util.Locale;

/** How company names compare for the companies / excludeCompanies filters: whole name, any case, any spacing. */
public final class CompanyNames {
    private CompanyNames() {}

    /** "Acme  Corp " and "acme corp" are the same company; "Acme" is not "Acme Corp". */
    public static String normalize(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
