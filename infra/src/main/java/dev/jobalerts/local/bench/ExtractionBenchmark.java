package dev.jobalerts.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.ExtractionConfig;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingExtractor;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.ParseCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * {@code bench extract [--dir DIR] [--warmup SECONDS] [--seconds SECONDS]}: extraction throughput on the fixture
 * corpus, single thread (so MB/s is per core), against a bare {@code Jsoup.parse} of the same inputs. Both run on the
 * decoded text. The goal is extraction within 1.5 times the bare parse time: the extractor parses each HTML document
 * once and never parses JSON or XML bodies as HTML. Each phase is warmed up first, then timed in five trials
 * of about equal length; the median trial is reported.
 */
public final class ExtractionBenchmark {
    static final String DEFAULT_DIR = "functions/src/test/resources/fixtures";
    static final String USAGE = "usage: bench extract [--dir DIR] [--warmup SECONDS] [--seconds SECONDS]";
    private static final double GOAL = 1.5;
    private static final int TRIALS = 5;
    /** Fixtures without a source file name a fetch time the way the corpus test does. */
    private static final Instant FETCHED_AT = Instant.parse("2026-04-10T12:00:00Z");

    private ExtractionBenchmark() {}

    public static int run(String[] args, PrintStream out) {
        Path dir = Path.of(DEFAULT_DIR);
        double warmup = 2;
        double seconds = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(value(args, ++i));
                    case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
                    case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (warmup < 0 || seconds <= 0) throw new IllegalArgumentException("--warmup must be >= 0 and --seconds > 0");
        } catch (IllegalArgumentException e) {
            out.println("bench extract: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        List<Input> inputs;
        try {
            inputs = load(dir);
        } catch (IOException | IllegalArgumentException e) {
            out.println("bench extract: cannot read corpus in " + dir + ": " + e.getMessage());
            return 2;
        }
        if (inputs.isEmpty()) {
            out.println("bench extract: no inputs in " + dir);
            return 2;
        }
        report(inputs, warmup, seconds, out);
        return 0;
    }

    private static void report(List<Input> inputs, double warmup, double seconds, PrintStream out) {
        List<Input> html = inputs.stream().filter(Input::isHtml).toList();
        long allBytes = bytes(inputs);
        long htmlBytes = bytes(html);
        out.printf("Extraction benchmark: %d inputs, %.1f KB (%d HTML, %d JSON/XML), single thread, %d trials of %.1f s after %.1f s warm-up%n",
                inputs.size(), allBytes / 1000.0, html.size(), inputs.size() - html.size(), TRIALS, seconds / TRIALS, warmup);
        PostingExtractor extractor = new PostingExtractor();
        double parseAll = nanosPerRound(inputs, ExtractionBenchmark::bareParse, warmup, seconds);
        double extractAll = nanosPerRound(inputs, in -> extract(extractor, in), warmup, seconds);
        double parseHtml = nanosPerRound(html, ExtractionBenchmark::bareParse, warmup / 2, seconds);
        double extractHtml = nanosPerRound(html, in -> extract(extractor, in), warmup / 2, seconds);
        out.printf("%-34s %10s %12s %12s%n", "phase", "MB/s", "ms/corpus", "vs parse");
        row(out, "bare Jsoup.parse, all inputs", allBytes, parseAll, parseAll);
        row(out, "extract, all inputs", allBytes, extractAll, parseAll);
        row(out, "bare Jsoup.parse, HTML inputs", htmlBytes, parseHtml, parseHtml);
        row(out, "extract, HTML inputs", htmlBytes, extractHtml, parseHtml);
        double ratio = extractHtml / parseHtml;
        out.printf("goal: extraction <= %.1fx bare parse time on HTML: %.2fx, %s%n", GOAL, ratio, ratio <= GOAL ? "met" : "NOT met");
    }

    private static void row(PrintStream out, String phase, long bytes, double nanos, double baseline) {
        out.printf("%-34s %10.1f %12.3f %11.2fx%n", phase, bytes / 1e6 / (nanos / 1e9), nanos / 1e6, nanos / baseline);
    }

    /** Median time of one pass over the inputs, after running for {@code warmup} seconds. */
    private static double nanosPerRound(List<Input> inputs, Predicate<Input> work, double warmup, double seconds) {
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        int sink = 0;
        do {
            for (Input in : inputs) if (work.test(in)) sink++;
        } while (System.nanoTime() < warmEnd);
        double[] trials = new double[TRIALS];
        long trialNanos = (long) (seconds / TRIALS * 1e9);
        for (int t = 0; t < TRIALS; t++) {
            long start = System.nanoTime();
            long rounds = 0;
            long now;
            do {
                for (Input in : inputs) if (work.test(in)) sink++;
                rounds++;
                now = System.nanoTime();
            } while (now - start < trialNanos);
            trials[t] = (now - start) / (double) rounds;
        }
        if (sink == 42) System.out.print(""); // keeps the work observable so the JIT cannot drop it
        Arrays.sort(trials);
        return trials[TRIALS / 2];
    }

    private static boolean bareParse(Input in) {
        return Jsoup.parse(in.page.body(), in.page.url()).childNodeSize() > 0;
    }

    private static boolean extract(PostingExtractor extractor, Input in) {
        return !extractor.extract(in.page, in.config).postings().isEmpty();
    }

    private static long bytes(List<Input> inputs) {
        return inputs.stream().mapToLong(in -> in.page.body().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    /** Every saved input in the corpus directory, with the url and config of its {@code .source.json} when present. */
    static List<Input> load(Path dir) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || name.endsWith(".expected.jsonl") || name.endsWith(".source.json")) continue;
                Path sourceFile = file.resolveSibling(name.substring(0, name.lastIndexOf('.') < 0 ? name.length() : name.lastIndexOf('.')) + ".source.json");
                JsonNode source = Files.exists(sourceFile) ? Json.mapper().readTree(sourceFile.toFile()) : Json.mapper().createObjectNode();
                String url = source.path("url").asText("https://fixtures.example/" + name);
                inputs.add(new Input(ParseCommand.readPage(file, url, FETCHED_AT), ExtractionConfig.fromSourceJson(source)));
            }
        }
        return inputs;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }

    record Input(PageContent page, ExtractionConfig config) {
        boolean isHtml() {
            return page.contentType().contains("html");
        }
    }
}
