package io.flowhub.store.job;

import io.flowhub.store.job.CleanupResult.Count;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanupResultTests {

    @Test
    void documentsLeaveFilesOutAndSelectAnswersInTheOrderNamedWithZeros() {
        var result = CleanupResult.of(Map.of("items", 3L, "files", 2L, "files_failed", 1L, "otps", 4L));

        assertThat(result.documents()).isEqualTo(7);
        assertThat(result.get(Count.BULK_JOBS)).isZero();
        assertThat(result.select(Count.ITEMS, Count.FILES, Count.BULK_JOBS))
                .containsExactly(Map.entry("items", 3L), Map.entry("files", 2L), Map.entry("bulk_jobs", 0L));
    }

    @Test
    void aNameNoCleanupReportsIsRefused() {
        assertThatThrownBy(() -> CleanupResult.of(Map.of("itemz", 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itemz");
    }
}
