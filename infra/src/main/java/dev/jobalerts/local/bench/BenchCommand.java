package dev.jobalerts.local.bench;

import dev.jobalerts.local.bench.coldstart.ColdStartBenchmark;
import picocli.CommandLine.Command;

/** {@code bench BENCHMARK}: the benchmarks whose figures the README quotes; see there for what each measures. */
@Command(name = "bench", description = "run a benchmark (the README says what each measures, and its figures)",
        subcommands = {MatchBenchmark.class, ExtractionBenchmark.class, FetchBenchmark.class, RenderBenchmark.class,
                SignUpTimingBenchmark.class, PreviewBenchmark.class, StartupBenchmark.class, ColdStartBenchmark.class})
public final class BenchCommand {
    private BenchCommand() {}
}
