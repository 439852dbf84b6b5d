package dev.jobalerts.local.bench;

import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.mail.AlertEmail;
import dev.jobalerts.mail.AlertItem;
import dev.jobalerts.mail.AlertSection;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.subscribe.Frequency;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench render}: emails rendered per second by {@link EmailRenderer}, for a 10-posting instant alert and
 * a 50-posting digest over two searches, on one thread. Options: {@code --seconds N} measured per case (default
 * 3), {@code --warmup N} seconds first (default 2). Postings are made up here, with realistic field lengths.
 */
@Command(name = "render", description = "emails rendered per second: a 10-posting alert and a 50-posting digest, one thread")
public final class RenderBenchmark implements Callable<Integer> {
    @Option(names = "--seconds", paramLabel = "N", description = "measured per case (default 3)")
    double seconds = 3;
    @Option(names = "--warmup", paramLabel = "N", description = "seconds of warm-up first (default 2)")
    double warmup = 2;

    private final PrintStream out;

    RenderBenchmark(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public Integer call() {
        EmailRenderer renderer = new EmailRenderer();
        AlertEmail alert = alert(Frequency.INSTANT, List.of(new AlertSection("python backend", items(10, 0))));
        AlertEmail digest = alert(Frequency.DAILY, List.of(
                new AlertSection("python backend", items(30, 0)),
                new AlertSection("data engineer NOT intern", items(20, 30))));

        out.printf(Locale.ROOT, "render benchmark: %s, 1 thread, %.1f s warm-up, %.1f s per case%n",
                Runtime.version(), warmup, seconds);
        measure(renderer, alert, warmup, 0);
        measure(renderer, digest, warmup, 0);
        for (Case c : List.of(new Case("alert, 10 postings", alert), new Case("digest, 50 postings", digest))) {
            Result r = measure(renderer, c.alert(), seconds, 1);
            out.printf(Locale.ROOT, "%-22s %9.0f emails/s  %8.1f µs/email  %8.1f µs CPU/email  html %5.1f KB  text %5.1f KB%n",
                    c.name(), r.perSecond(), 1e6 / r.perSecond(), r.cpuMicrosPerEmail(), r.htmlBytes() / 1024.0,
                    r.textBytes() / 1024.0);
        }
        return 0;
    }

    private record Case(String name, AlertEmail alert) {}

    /** {@code cpuMicrosPerEmail} is this thread's CPU time, which a busy shared machine inflates less than wall time. */
    private record Result(double perSecond, double cpuMicrosPerEmail, int htmlBytes, int textBytes) {}

    /** Written after each run so the JIT cannot drop the rendering as dead code. */
    static volatile long sink;

    private static Result measure(EmailRenderer renderer, AlertEmail alert, double seconds, int minimum) {
        long budget = (long) (seconds * 1e9);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long count = 0;
        long chars = 0;
        OutgoingEmail last = null;
        while (count < minimum || System.nanoTime() - start < budget) {
            last = renderer.alert(alert);
            chars += last.html().length();
            count++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / Math.max(1, count);
        sink = chars;
        return last == null ? new Result(0, 0, 0, 0)
                : new Result(count / elapsed, cpuMicros, last.html().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                        last.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    private static AlertEmail alert(Frequency frequency, List<AlertSection> sections) {
        return new AlertEmail("reader@example.test", "Job Alerts <alerts@example.test>", sections,
                "https://alerts.example.test/manage?token=bench-manage-token",
                "https://alerts.example.test/unsubscribe?token=bench-unsubscribe-token",
                "https://alerts.example.test/feeds/bench-feed-token.atom", frequency);
    }

    private static List<AlertItem> items(int count, int offset) {
        String[] companies = {"Northwind Data", "Contoso Health", "Fabrikam Labs", "Tailspin Travel", "Wingtip Games"};
        String[] places = {"Berlin, Germany", "Austin, TX, USA", "Lisbon, Portugal", "Toronto, ON, Canada"};
        List<AlertItem> items = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            Posting posting = new Posting("bench-" + i, "https://jobs.example.test/openings/" + i + "?src=alert&ref=bench",
                    "Senior Backend Engineer (Python/Django) — Platform Team " + i, companies[i % companies.length],
                    places[i % places.length], i % 3 == 0, "FULL_TIME", "2026-11-" + (10 + i % 18),
                    i % 2 == 0 ? new Salary(95000.0 + i * 100, 130000.0 + i * 100, "USD", "YEAR") : null,
                    ("You will design and run the services behind our matching platform: Python 3.12, Django, "
                            + "PostgreSQL and a little Go. We value tests, small pull requests & calm on-call. ")
                            .repeat(4),
                    "bench");
            items.add(new AlertItem(posting, List.of("python", "django", "backend")));
        }
        return items;
    }
}
