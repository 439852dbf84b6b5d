package dev.jobalerts.local.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command reads and writes: standard input ({@code -} as a file name), its two output streams and the
 * environment. Commands take it in their constructor rather than reaching for {@code System}, so tests give their own.
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err, System.getenv());
    }
}
