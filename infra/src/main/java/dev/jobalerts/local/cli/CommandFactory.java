package dev.jobalerts.local.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates the commands (and their converters and default providers) for picocli, handing the {@link Terminal} to
 * those whose constructor takes one: plain constructor injection, no global streams or environment.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Terminal terminal;

    CommandFactory(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Terminal.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(terminal));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
