package dev.jobalerts.local.cli;

import dev.jobalerts.source.Source;
import dev.jobalerts.source.SourceHealth;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The operator's view of source health: one aligned row per source. */
public final class SourceTable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private SourceTable() {}

    public static void print(List<Source> sources, PrintStream out) {
        String[] header = {"SOURCE", "LAST RUN (UTC)", "STATUS", "POSTINGS", "FAILURES", "BROKEN", "DETAIL"};
        String[][] rows = new String[sources.size()][];
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            SourceHealth health = source.health();
            rows[i] = new String[] {
                    source.id() + (source.definition().paused() ? " (paused)" : ""),
                    health.lastRunAt() == null ? "never" : WHEN.format(health.lastRunAt()),
                    health.lastStatus().stored(),
                    health.postingsLastRun() < 0 ? "-" : Integer.toString(health.postingsLastRun()),
                    Integer.toString(health.consecutiveFailures()),
                    health.broken() ? "yes" : "no",
                    health.detail() == null ? "" : health.detail()};
        }
        Table.print(header, rows, out);
    }
}
