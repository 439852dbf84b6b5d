package dev.jobalerts.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory {@code serve --data DIR} keeps everything in, so a restart (or {@code kill -9}) loses nothing:
 *
 * <pre>
 * DIR/jobalerts-data.json   what this directory is (format, version); written last when DIR is set up
 * DIR/token-secret          the HMAC key behind every link in every email and the subscriber ids (mode 0600)
 * DIR/dynamodb/             DynamoDB Local's database (one SQLite file, shared by every client)
 * DIR/streams/              per stream mapping, the last record each shard's handler finished
 * DIR/outbox/               the emails, when no SMTP server is given
 * DIR/dead-letters.jsonl    stream records a function gave up on after its retries
 * DIR/lock                  held while a process uses DIR (released by the OS, even after kill -9)
 * </pre>
 *
 * <p>Opening refuses, with a message saying what to do, a DIR another process holds, a DIR that holds other files
 * (a typo must not scatter a database over someone's home directory), a marker this version cannot read, and a
 * set-up DIR whose token secret is missing (every link ever sent would be dead). A new DIR is set up in an order that
 * a crash cannot leave half-done: the secret first, the marker last, so a DIR without the marker holds nothing that
 * was ever used, and opening it again simply finishes the set-up.
 */
public final class DataDir implements AutoCloseable {
    static final String FORMAT = "jobalerts-data";
    /** Bumped when the layout changes in a way an older jar could not read; newer jars upgrade older directories. */
    static final int VERSION = 1;
    static final String MARKER = "jobalerts-data.json";
    static final String SECRET = "token-secret";
    static final String LOCK = "lock";
    /** What a DIR may hold before its marker is written: only this class's own files from an interrupted set-up. */
    private static final Set<String> SETUP_FILES = Set.of(LOCK, SECRET);

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final byte[] tokenSecret;
    private final boolean created;

    private DataDir(Path root, FileChannel lockChannel, FileLock lock, byte[] tokenSecret, boolean created) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.tokenSecret = tokenSecret;
        this.created = created;
    }

    /** Opens DIR, setting it up when it is new or empty; throws {@link StartupException} (exit 2) when it cannot be used. */
    public static DataDir open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root))
            throw refuse(root + " is a file, not a directory; give --data a directory (it is created if missing)");
        try {
            if (!Files.exists(root)) {
                Files.createDirectories(root.getParent());
                // Only its owner may look inside: the database holds every subscriber's address.
                if (root.getFileSystem().supportedFileAttributeViews().contains("posix"))
                    Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                else Files.createDirectory(root);
            }
        } catch (IOException e) {
            throw refuse("cannot create the data directory " + root + ": " + reason(e));
        }
        try {
            // Looked at before anything is written, so a foreign or damaged DIR is left exactly as it was found.
            inspect(root);
        } catch (IOException e) {
            throw refuse("cannot read the data directory " + root + ": " + reason(e));
        }
        if (!Files.isWritable(root)) throw refuse("the data directory " + root + " is not writable by this user");
        FileChannel channel;
        try {
            channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw refuse("cannot write in the data directory " + root + ": " + reason(e));
        }
        boolean opened = false;
        try {
            FileLock lock = lockOf(root, channel);
            boolean created = inspect(root); // again: another process may have set it up meanwhile
            byte[] secret = created ? createSecret(root) : readSecret(root);
            for (String sub : List.of("dynamodb", "streams")) Files.createDirectories(root.resolve(sub));
            if (created) writeMarker(root);
            DataDir dataDir = new DataDir(root, channel, lock, secret, created);
            opened = true;
            return dataDir;
        } catch (IOException e) {
            throw refuse("cannot set up the data directory " + root + ": " + reason(e));
        } finally {
            // Closing the channel releases the lock: a refused DIR is left to the next attempt.
            if (!opened) closeQuietly(channel);
        }
    }

    private static FileLock lockOf(Path root, FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = holder(root.resolve(LOCK));
            throw refuse("the data directory " + root + " is in use by another jobalerts process" + holder
                    + "; stop it first (two processes on one directory would corrupt it)");
        }
        // Who holds it, for the message above in the next process; the lock itself is what counts.
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return lock;
    }

    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** True when DIR still needs setting up; throws when it is not a jobalerts data directory this version can use. */
    private static boolean inspect(Path root) throws IOException {
        boolean created = !Files.exists(root.resolve(MARKER));
        if (created) checkEmpty(root);
        else checkMarker(root);
        return created;
    }

    private static void checkEmpty(Path root) throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(p -> !SETUP_FILES.contains(p.getFileName().toString()) && !AtomicFiles.isLeftover(p))
                    .limit(3).forEach(p -> foreign.add(p.getFileName().toString()));
        }
        if (!foreign.isEmpty())
            throw refuse(root + " is not a jobalerts data directory: it has no " + MARKER + " and holds other files ("
                    + String.join(", ", foreign) + "). Give --data a new or empty directory, or the one serve set up before.");
    }

    private static void checkMarker(Path root) throws IOException {
        Path marker = root.resolve(MARKER);
        JsonNode node;
        try {
            node = Json.mapper().readTree(Files.readString(marker, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw refuse(marker + " is damaged (" + e.getMessage().lines().findFirst().orElse("unreadable")
                    + "); restore the data directory from a backup");
        }
        if (node == null || !FORMAT.equals(node.path("format").asText()))
            throw refuse(root + " is not a jobalerts data directory (" + MARKER + " does not say format \"" + FORMAT
                    + "\"); give --data the directory serve set up");
        int version = node.path("version").asInt(-1);
        if (version < 1)
            throw refuse(marker + " is damaged (no version); restore the data directory from a backup");
        if (version > VERSION)
            throw refuse(root + " was written by a newer jobalerts (data version " + version + ", this one reads up to "
                    + VERSION + "); run the newer jobalerts.jar, or restore a backup taken before the upgrade");
        if (!Files.exists(root.resolve(SECRET)))
            throw refuse(root.resolve(SECRET) + " is missing: without it every link already sent is dead and no subscriber "
                    + "can be found. Restore it from a backup of " + root);
    }

    private static byte[] createSecret(Path root) throws IOException {
        Path file = root.resolve(SECRET);
        // Left by a set-up that was interrupted before its marker: nothing was ever signed with it, a new one is as good.
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        byte[] secret = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
        AtomicFiles.write(file, out -> out.write(secret), AtomicFiles.OWNER_ONLY);
        return secret;
    }

    private static byte[] readSecret(Path root) throws IOException {
        Path file = root.resolve(SECRET);
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        // The functions refuse a TOKEN_SECRET under 16 characters; the same rule here, with a message that says where.
        if (secret.length() < 16)
            throw refuse(file + " is damaged (it must hold at least 16 characters); restore it from a backup");
        warnIfReadableByOthers(file);
        return secret.getBytes(StandardCharsets.US_ASCII);
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE))
                System.err.println("warning: " + file + " can be read by other users (anyone with it can forge manage and "
                        + "unsubscribe links); chmod 600 " + file);
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    private static void writeMarker(Path root) throws IOException {
        ObjectNode marker = Json.mapper().createObjectNode();
        marker.put("format", FORMAT);
        marker.put("version", VERSION);
        marker.put("createdAt", Instant.now().toString());
        AtomicFiles.write(root.resolve(MARKER), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(marker));
    }

    private static StartupException refuse(String message) {
        return new StartupException(StartupException.BAD_INPUT, message);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied (" + e.getMessage() + ")";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason() + " (" + fs.getFile() + ")";
        return e.toString();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    public Path root() {
        return root;
    }

    /** True when this run set the directory up (it was new or empty). */
    public boolean created() {
        return created;
    }

    public byte[] tokenSecret() {
        return tokenSecret.clone();
    }

    public Path dynamoDb() {
        return root.resolve("dynamodb");
    }

    public Path streams() {
        return root.resolve("streams");
    }

    public Path deadLetters() {
        return root.resolve("dead-letters.jsonl");
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // the channel's close releases it
        }
        closeQuietly(lockChannel);
    }
}
