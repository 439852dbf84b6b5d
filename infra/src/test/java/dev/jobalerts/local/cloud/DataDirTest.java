package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting up, reopening and refusing data directories; every refusal leaves the directory exactly as it was. */
class DataDirTest {
    @TempDir
    Path temp;

    @Test
    void open_setsUpANewDirectory_withAnOwnerOnlySecretAndAMarker() throws IOException {
        Path dir = temp.resolve("data");
        try (DataDir data = DataDir.open(dir)) {
            assertThat(data.created()).isTrue();
            assertThat(Files.readString(dir.resolve(DataDir.MARKER))).contains("\"format\" : \"jobalerts-data\"").contains("\"version\" : 1");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DataDir.SECRET)))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(data.tokenSecret()).hasSize(64);
            assertThat(data.dynamoDb()).isDirectory();
            assertThat(data.streams()).isDirectory();
        }
    }

    @Test
    void open_again_keepsTheSameSecret() {
        Path dir = temp.resolve("data");
        byte[] first;
        try (DataDir data = DataDir.open(dir)) {
            first = data.tokenSecret();
        }
        try (DataDir data = DataDir.open(dir)) {
            assertThat(data.created()).isFalse();
            assertThat(data.tokenSecret()).isEqualTo(first);
        }
    }

    @Test
    void open_acceptsAnEmptyExistingDirectory_asSystemdsStateDirectoryIs() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("empty"));
        try (DataDir data = DataDir.open(dir)) {
            assertThat(data.created()).isTrue();
        }
    }

    @Test
    void open_whileAnotherHoldsIt_refusesWithExitTwo() {
        Path dir = temp.resolve("data");
        try (DataDir first = DataDir.open(dir)) {
            assertThatThrownBy(() -> DataDir.open(dir))
                    .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageContaining("in use by another jobalerts process (pid " + ProcessHandle.current().pid() + ")");
        }
        DataDir.open(dir).close(); // released on close
    }

    @Test
    void open_refusesAForeignDirectory_andWritesNothingInIt() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("home"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Set<String> before = names(dir);

        assertThatThrownBy(() -> DataDir.open(dir))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("is not a jobalerts data directory").hasMessageContaining("notes.txt");
        assertThat(names(dir)).isEqualTo(before);
    }

    @Test
    void open_refusesAMarkerOfAnotherFormat_aDamagedOne_andANewerVersion() throws IOException {
        Path dir = temp.resolve("data");
        DataDir.open(dir).close();
        Path marker = dir.resolve(DataDir.MARKER);

        Files.writeString(marker, "{\"format\":\"something-else\",\"version\":1}");
        assertThatThrownBy(() -> DataDir.open(dir)).hasMessageContaining("is not a jobalerts data directory");
        Files.writeString(marker, "{\"format\":\"jobalerts-da");
        assertThatThrownBy(() -> DataDir.open(dir)).hasMessageContaining("is damaged").hasMessageContaining("backup");
        Files.writeString(marker, "{\"format\":\"jobalerts-data\",\"version\":99}");
        assertThatThrownBy(() -> DataDir.open(dir)).isInstanceOf(StartupException.class).hasMessageContaining("newer jobalerts");
        assertThat(Files.readString(marker)).contains("99");
    }

    @Test
    void open_refusesASetUpDirectoryWhoseSecretIsGone_ratherThanKillEveryLink() throws IOException {
        Path dir = temp.resolve("data");
        DataDir.open(dir).close();
        Files.delete(dir.resolve(DataDir.SECRET));

        assertThatThrownBy(() -> DataDir.open(dir)).hasMessageContaining("token-secret is missing");
        assertThat(dir.resolve(DataDir.SECRET)).doesNotExist();
        Files.writeString(dir.resolve(DataDir.SECRET), "short");
        assertThatThrownBy(() -> DataDir.open(dir)).hasMessageContaining("at least 16 characters");
    }

    @Test
    void open_finishesASetUpThatWasInterruptedBeforeItsMarker() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("half"));
        Files.writeString(dir.resolve(DataDir.SECRET), "x".repeat(64), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(".token-secret123.tmp"), "partial");

        try (DataDir data = DataDir.open(dir)) {
            assertThat(data.created()).isTrue();
            assertThat(dir.resolve(DataDir.MARKER)).exists();
        }
    }

    @Test
    void open_refusesAFileAndAnUnwritablePlace() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> DataDir.open(file)).hasMessageContaining("is a file, not a directory");
        // Under a regular file nothing can be created, whoever runs the test (root may write anywhere else).
        assertThatThrownBy(() -> DataDir.open(file.resolve("data")))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("cannot create the data directory");
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
