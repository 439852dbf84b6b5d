package dev.jobalerts.local;

import dev.jobalerts.local.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code jobalerts serve} as a separate process, on this test's class path: started, waited for until it says it is
 * ready, and killed the way a power cut or the OOM killer would ({@code destroyForcibly}, SIGKILL on Linux) or
 * stopped the way systemd does (SIGTERM). Its output goes to a log file per run, for reading after a failure.
 */
final class ServeProcess implements AutoCloseable {
    static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServeProcess start(Path log, String... serveArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(List.of(serveArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
        ServeProcess serve = new ServeProcess(builder.start(), log);
        serve.awaitReady();
        return serve;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(Serve.READY)) return;
            if (!process.isAlive()) throw new IllegalStateException("serve exited with " + process.exitValue() + ":\n" + output());
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("serve was not ready within " + READY_WITHIN + ":\n" + output());
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("serve did not die");
    }

    /** SIGTERM, as systemd stops a service; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("serve did not stop within a minute of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
