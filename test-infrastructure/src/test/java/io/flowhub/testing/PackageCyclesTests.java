package io.flowhub.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check every module runs finds a cycle between two packages, and passes packages that depend one way. */
class PackageCyclesTests {

    private static final Path TEST_CLASSES = Path.of("target", "test-classes");

    @Test
    void twoPackagesThatUseEachOtherAreACycle() {
        assertThatThrownBy(() -> PackageCycles.assertNoneUnder("io.flowhub.testing.cyclic", TEST_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.flowhub.testing.cyclic.a").hasMessageContaining("io.flowhub.testing.cyclic.b");
    }

    @Test
    void packagesThatDependOneWayPass() {
        assertThatCode(() -> PackageCycles.assertNoneUnder("io.flowhub.testing.acyclic", TEST_CLASSES))
                .doesNotThrowAnyException();
    }
}
