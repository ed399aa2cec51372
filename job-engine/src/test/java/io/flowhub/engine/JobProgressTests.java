package io.flowhub.engine;

import io.flowhub.store.JobId;
import io.flowhub.engine.CleanupResult.Count;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobProgressTests {

    private final JobId job = new JobId(new ObjectId());

    @Test
    void foldingTheLedgerSumsCountsAndDeletionsAndMovesTheCheckpoint() {
        var first = entry(1, new JobCounts(40, 5, 3, 2, 0), CleanupResult.of(Count.ITEMS, 40).with(Count.FILES, 4), 50);
        var second = entry(2, new JobCounts(10, 0, 0, 0, 1), CleanupResult.of(Count.ITEMS, 10), 61);

        JobProgress progress = JobProgress.none(0).plus(first).plus(second);

        assertThat(progress.counts()).isEqualTo(new JobCounts(50, 5, 3, 2, 1));
        assertThat(progress.result()).isEqualTo(CleanupResult.of(Count.ITEMS, 50).with(Count.FILES, 4));
        assertThat(progress.checkpoint().batch()).isEqualTo(2);
        assertThat(progress.checkpoint().cursor()).isEqualTo(61);
        assertThat(progress.finished().totalItems()).isEqualTo(progress.counts().total()).isEqualTo(61);
    }

    @Test
    void onlyTheFirstHundredErrorsAreKept() {
        var errors = java.util.stream.IntStream.range(0, 80).mapToObj(i -> new JobError("id" + i, "too many tags"))
                .toList();
        var entry = new LedgerEntry(job, 1, "add_tags", null, null, List.of(), new JobCounts(0, 0, 0, 0, 80), errors,
                CleanupResult.NONE, Checkpoint.START.next("items", 80, null), Instant.now());

        JobProgress progress = JobProgress.none(0).plus(entry).plus(entry);

        assertThat(progress.errors()).hasSize(JobError.KEPT);
    }

    private LedgerEntry entry(int batch, JobCounts counts, CleanupResult deleted, long cursor) {
        return new LedgerEntry(job, batch, "delete", Owner.SCHEDULE, null, List.of(), counts, List.of(), deleted,
                new Checkpoint(batch, "items", cursor, null), Instant.now());
    }
}
