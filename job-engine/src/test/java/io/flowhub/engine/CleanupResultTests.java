package io.flowhub.engine;

import io.flowhub.engine.CleanupResult.Count;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanupResultTests {

    @Test
    void documentsLeaveFilesOutAndSelectAnswersInTheOrderNamedWithZeros() {
        var result = CleanupResult.fromMap(Map.of("items", 3L, "files", 2L, "files_failed", 1L, "otps", 4L));

        assertThat(result.documents()).isEqualTo(7);
        assertThat(result.get(Count.BULK_JOBS)).isZero();
        assertThat(result.select(Count.ITEMS, Count.FILES, Count.BULK_JOBS))
                .containsExactly(Map.entry("items", 3L), Map.entry("files", 2L), Map.entry("bulk_jobs", 0L));
    }

    @Test
    void plusSumsCountByCountAndKeepsWhatOnlyOneSideReported() {
        var first = CleanupResult.of(Count.ITEMS, 40).with(Count.FILES, 4);
        var second = CleanupResult.of(Count.ITEMS, 10).with(Count.BULK_JOBS, 0);

        assertThat(first.plus(second)).isEqualTo(CleanupResult.of(Count.ITEMS, 50).with(Count.FILES, 4)
                .with(Count.BULK_JOBS, 0));
        assertThat(CleanupResult.NONE.plus(first)).isEqualTo(first);
    }

    @Test
    void theStoredMapHoldsTheReportedCountsInOneOrderWhateverOrderTheyCameIn() {
        var result = CleanupResult.of(Count.FILES, 1).with(Count.BULK_JOBS, 0).with(Count.ITEMS, 2);

        assertThat(result.toMap()).containsExactly(Map.entry("items", 2L), Map.entry("bulk_jobs", 0L),
                Map.entry("files", 1L));
        assertThat(CleanupResult.fromMap(result.toMap())).isEqualTo(result);
    }

    @Test
    void aNameNoCleanupReportsIsRefused() {
        assertThatThrownBy(() -> CleanupResult.fromMap(Map.of("itemz", 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itemz");
    }
}
