package dev.jobalerts.local.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The artifact the yardstick handlers run from: the alerts artifact (DynamoDB and SES v2 clients, the Lambda core
 * interfaces, our client wiring), the Lambda event classes it was shrunk of (taken from the unshrunk bundle), and
 * {@link HelloHandler} and the {@link MinimalSdkHandler}s, so that the yardsticks load their classes from an artifact
 * of about the size of the functions they are compared with.
 */
final class BaselineArtifact {
    private static final List<Class<?>> HANDLERS = List.of(HelloHandler.class, MinimalSdkHandler.class, MinimalSdkHandler.Clients.class,
            MinimalSdkHandler.OfStream.class, MinimalSdkHandler.OfHttpApi.class, MinimalSdkHandler.OfSns.class);

    private static final String EVENTS = "com/amazonaws/services/lambda/runtime/events/";

    private BaselineArtifact() {}

    static Path write(Path alertsArtifact, Path bundle, Path directory) throws IOException {
        Path jar = directory.resolve("baseline.jar");
        Set<String> written = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream target = new ZipOutputStream(file)) {
            copy(alertsArtifact, name -> true, written, target);
            copy(bundle, name -> name.startsWith(EVENTS), written, target);
            for (Class<?> handler : HANDLERS) {
                String name = handler.getName().replace('.', '/') + ".class";
                try (InputStream bytes = handler.getClassLoader().getResourceAsStream(name)) {
                    if (bytes == null) throw new IOException("class file not found on the class path: " + name);
                    target.putNextEntry(new ZipEntry(name));
                    bytes.transferTo(target);
                    target.closeEntry();
                }
            }
        }
        return jar;
    }

    private static void copy(Path from, Predicate<String> wanted, Set<String> written, ZipOutputStream target) throws IOException {
        try (InputStream in = Files.newInputStream(from); ZipInputStream source = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = source.getNextEntry()) != null; ) {
                if (!wanted.test(entry.getName()) || !written.add(entry.getName())) continue;
                target.putNextEntry(new ZipEntry(entry.getName()));
                source.transferTo(target);
                target.closeEntry();
            }
        }
    }
}
