package dev.jobalerts.local.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The artifact the yardstick handlers run from: the alerts artifact (DynamoDB and SES v2 clients, the Lambda core
 * interfaces, our client wiring) with {@link HelloHandler} and {@link MinimalSdkHandler} added, so that the
 * yardsticks load their classes from an artifact of the same size as the functions they are compared with.
 */
final class BaselineArtifact {
    private static final List<Class<?>> HANDLERS = List.of(HelloHandler.class, MinimalSdkHandler.class);

    private BaselineArtifact() {}

    static Path write(Path alertsArtifact, Path directory) throws IOException {
        Path jar = directory.resolve("baseline.jar");
        try (InputStream in = Files.newInputStream(alertsArtifact); ZipInputStream source = new ZipInputStream(in);
             OutputStream file = Files.newOutputStream(jar); ZipOutputStream target = new ZipOutputStream(file)) {
            for (ZipEntry entry; (entry = source.getNextEntry()) != null; ) {
                target.putNextEntry(new ZipEntry(entry.getName()));
                source.transferTo(target);
                target.closeEntry();
            }
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
}
