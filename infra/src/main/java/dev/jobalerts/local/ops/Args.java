package dev.jobalerts.local.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line split into positional words, {@code --name value} options and {@code --flag} switches. Only the
 * options and switches a command declares are accepted, so a typo is a usage error rather than silently ignored.
 */
final class Args {
    /** Options every command accepts: where the store is, where fetches connect, and the output format. */
    static final Set<String> TARGET_OPTIONS = Set.of("--endpoint", "--stack", ConnectTo.OPTION);
    static final Set<String> COMMON_SWITCHES = Set.of("--json");

    private final List<String> positional;
    private final Map<String, String> options;
    private final Set<String> switches;

    private Args(List<String> positional, Map<String, String> options, Set<String> switches) {
        this.positional = positional;
        this.options = options;
        this.switches = switches;
    }

    static Args parse(String command, String[] words, Set<String> optionNames, Set<String> switchNames) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> switches = new HashSet<>();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (!word.startsWith("--")) {
                positional.add(word);
            } else if (optionNames.contains(word) || TARGET_OPTIONS.contains(word)) {
                if (i + 1 >= words.length || words[i + 1].startsWith("--"))
                    throw new UsageException(word + " needs a value");
                options.put(word, words[++i]);
            } else if (switchNames.contains(word) || COMMON_SWITCHES.contains(word)) {
                switches.add(word);
            } else {
                throw new UsageException("unknown option for " + command + ": " + word);
            }
        }
        return new Args(positional, options, switches);
    }

    List<String> positional() {
        return positional;
    }

    /** The positional argument at {@code index}, or {@code fallback} when there is none. */
    String positionalOr(int index, String fallback) {
        return index < positional.size() ? positional.get(index) : fallback;
    }

    String positional(int index, String what) {
        if (index >= positional.size()) throw new UsageException("missing " + what);
        return positional.get(index);
    }

    /** Rejects words beyond the {@code max} positional arguments a command takes. */
    Args atMost(int max, String command) {
        if (positional.size() > max) throw new UsageException("unexpected argument for " + command + ": " + positional.get(max));
        return this;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean has(String switchName) {
        return switches.contains(switchName);
    }

    boolean json() {
        return has("--json");
    }
}
