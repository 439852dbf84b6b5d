package dev.jobalerts.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class EntropyTest {
    @Test
    void withinOneRestoreGeneration_theSameGeneratorsServe() {
        SecureRandom secure = Entropy.secure();

        assertThat(Entropy.secure()).isSameAs(secure);
        assertThat(Entropy.unit()).isBetween(0.0, 1.0);
    }

    @Test
    void afterARestore_everyGeneratorIsMadeAfresh() {
        SecureRandom before = Entropy.secure();

        Restores.restored();

        assertThat(Entropy.secure()).as("a generator seeded before the snapshot would repeat in every restored copy")
                .isNotSameAs(before);
    }
}
