package dev.jobalerts.local.bench.coldstart;

import dev.jobalerts.local.lambda.LambdaProcess;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part one of {@code bench coldstart}: each handler's init as a whole fresh JVM — start, load, construct, exit, with
 * Lambda's JVM options and no SnapStart — against the yardsticks, taking turns round by round (each round starts
 * one handler later) so that a slow moment of the machine falls on all of them alike.
 */
final class InitTimes {
    static final String HELLO = "hello world";
    /** The yardstick per event source type of template.yaml (ScheduleV2 hands a Map). */
    static final Map<String, Class<?>> YARDSTICKS = yardsticks();

    private static Map<String, Class<?>> yardsticks() {
        Map<String, Class<?>> yardsticks = new LinkedHashMap<>();
        yardsticks.put("ScheduleV2", MinimalSdkHandler.class);
        yardsticks.put("DynamoDB", MinimalSdkHandler.OfStream.class);
        yardsticks.put("HttpApi", MinimalSdkHandler.OfHttpApi.class);
        yardsticks.put("SNS", MinimalSdkHandler.OfSns.class);
        return yardsticks;
    }

    /** A yardstick's name in the table. */
    static String yardstick(String eventSource) {
        return "minimal SDK, " + eventSource + " event";
    }

    private InitTimes() {}

    /** Median wall time in ms per candidate, in the candidates' order. */
    static Map<String, Double> measure(LambdaProcess lambda, Map<String, LambdaProcess.Launch> candidates, int rounds) {
        List<String> names = new ArrayList<>(candidates.keySet());
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        names.forEach(name -> wall.put(name, new ArrayList<>()));
        // One untimed start each: the first start of a JVM on a fresh artifact also pays for the page cache.
        names.forEach(name -> requireClean(name, lambda.run(candidates.get(name), List.of())));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                LambdaProcess.Run run = requireClean(name, lambda.run(candidates.get(name), List.of()));
                wall.get(name).add(run.wallMillis());
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        wall.forEach((name, times) -> medians.put(name, Medians.of(times)));
        return medians;
    }

    /**
     * @param eventSources each function's event source type; a function's ratio is to the yardstick of that type, and
     *                     to the Map-input yardstick for reference
     */
    static void print(Map<String, Double> medians, Map<String, String> eventSources, int rounds, PrintStream out) {
        double mapInput = medians.get(yardstick("ScheduleV2"));
        out.printf(Locale.ROOT, "init: fresh JVM per start (start, load, construct the handler, exit), median of %d rounds%n", rounds);
        out.println("| handler | median ms | × minimal SDK, same event type | × minimal SDK, Map input |");
        out.println("|---|---:|---:|---:|");
        medians.forEach((name, millis) -> {
            String source = eventSources.get(name);
            String same = source == null ? "" : String.format(Locale.ROOT, "%.2f", millis / medians.get(yardstick(source)));
            out.printf(Locale.ROOT, "| %s | %.0f | %s | %.2f |%n", name, millis, same, millis / mapInput);
        });
    }

    /** A function's init over its yardstick's. */
    static double ratio(Map<String, Double> medians, String function, String eventSource) {
        return medians.get(function) / medians.get(yardstick(eventSource));
    }

    private static LambdaProcess.Run requireClean(String name, LambdaProcess.Run run) {
        if (run.exitCode() != 0 || !run.phase("init-error").isEmpty())
            throw new IllegalStateException(name + " failed to start:\n" + run.results() + "\n" + run.output());
        return run;
    }
}
