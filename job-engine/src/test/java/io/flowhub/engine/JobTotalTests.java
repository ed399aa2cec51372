package io.flowhub.engine;

import io.flowhub.store.JobId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class JobTotalTests {

    private final JobId job = new JobId(new ObjectId());
    // why: the count runs when the test says, so each test sees it under way and then done
    private final List<Runnable> countsAsked = new ArrayList<>();
    private final Executor onRequest = countsAsked::add;

    @Test
    void aTotalKnownAtOnceIsNotCountedAgainAndTheBatchesKeepIt() {
        var work = new Counted(false, 1_000);

        try (JobTotal total = JobTotal.of(job, Checkpoint.START, 1_000, work, onRequest)) {
            JobProgress progress = total.into(JobProgress.none(1_000).plus(batch(1, 50)));

            assertThat(countsAsked).isEmpty();
            assertThat(progress.totalItems()).isEqualTo(1_000);
        }
    }

    @Test
    void whileAFirstTurnIsCountedItsProgressShowsNoTotalRatherThanItsCursor() {
        var work = new Counted(true, 100_000);

        try (JobTotal total = JobTotal.of(job, Checkpoint.START, 0, work, onRequest)) {
            JobProgress progress = total.into(JobProgress.none(0).plus(batch(1, 10_000)));
            progress = total.into(progress.plus(batch(2, 20_000)));

            assertThat(progress.totalItems()).isZero();
            assertThat(progress.counts().processed()).isEqualTo(20_000);
        }
    }

    @Test
    void theCountLandsInTheFirstProgressAfterItIsDoneAndStays() {
        var work = new Counted(true, 100_000);

        try (JobTotal total = JobTotal.of(job, Checkpoint.START, 0, work, onRequest)) {
            JobProgress progress = total.into(JobProgress.none(0).plus(batch(1, 10_000)));
            countsAsked.forEach(Runnable::run);
            progress = total.into(progress.plus(batch(2, 20_000)));
            JobProgress later = total.into(progress.plus(batch(3, 30_000)));

            assertThat(work.countedFrom.get()).isEqualTo(Checkpoint.START);
            assertThat(progress.totalItems()).isEqualTo(100_000);
            assertThat(later.totalItems()).isEqualTo(100_000);
        }
    }

    @Test
    void aCountBelowWhatTheJobWorkedThroughGivesWayToItsCursor() {
        var work = new Counted(true, 5);

        try (JobTotal total = JobTotal.of(job, Checkpoint.START, 0, work, onRequest)) {
            countsAsked.forEach(Runnable::run);
            JobProgress progress = total.into(JobProgress.none(0).plus(batch(1, 50)));

            assertThat(progress.totalItems()).isEqualTo(50);
        }
    }

    @Test
    void aLaterTurnKeepsTheTotalItHadWhileItIsCountedFromWhereItStands() {
        var work = new Counted(true, 90_000);
        var from = new Checkpoint(5, "items", 50_000, new ObjectId());

        try (JobTotal total = JobTotal.of(job, from, 80_000, work, onRequest)) {
            JobProgress before = new JobProgress(JobCounts.NONE, from, 80_000, List.of(), CleanupResult.NONE);
            JobProgress progress = total.into(before.plus(batch(6, 60_000)));
            countsAsked.forEach(Runnable::run);
            JobProgress counted = total.into(progress.plus(batch(7, 70_000)));

            assertThat(progress.totalItems()).isEqualTo(80_000);
            assertThat(work.countedFrom.get()).isEqualTo(from);
            assertThat(counted.totalItems()).isEqualTo(90_000);
        }
    }

    @Test
    void aCountThatFailsLeavesTheJobWithWhatItWorkedThrough() {
        var work = new Counted(true, -1);

        try (JobTotal total = JobTotal.of(job, Checkpoint.START, 0, work, onRequest)) {
            countsAsked.forEach(Runnable::run);
            JobProgress progress = total.into(JobProgress.none(0).plus(batch(1, 50)));

            assertThat(progress.totalItems()).isEqualTo(50);
        }
    }

    @Test
    void aJobCancelledBeforeItsCountLandedShowsWhatItWorkedThroughAsItsTotalAndTheCountOnceItHasIt() {
        var work = new Counted(true, 100_000);

        try (JobTotal total = JobTotal.of(job, Checkpoint.START, 0, work, onRequest)) {
            JobProgress progress = total.into(JobProgress.none(0).plus(batch(1, 10_000)));
            JobProgress cancelledNow = total.lastKnown(progress);
            countsAsked.forEach(Runnable::run);
            JobProgress cancelledLater = total.lastKnown(progress);

            assertThat(progress.totalItems()).isZero();
            assertThat(cancelledNow.totalItems()).isEqualTo(10_000);
            assertThat(cancelledLater.totalItems()).isEqualTo(100_000);
        }
    }

    private LedgerEntry batch(int number, long cursor) {
        return new LedgerEntry(job, number, "delete", Owner.SCHEDULE, null, List.of(),
                new JobCounts(10_000, 0, 0, 0, 0), List.of(), CleanupResult.NONE,
                new Checkpoint(number, "items", cursor, null), Instant.now());
    }

    /** A work whose total is {@code count} items, read or known; a negative count fails. */
    private static final class Counted implements JobWork {

        private final boolean takesARead;
        private final long count;
        private final AtomicReference<Checkpoint> countedFrom = new AtomicReference<>();

        Counted(boolean takesARead, long count) {
            this.takesARead = takesARead;
            this.count = count;
        }

        @Override
        public long total(Checkpoint from) {
            countedFrom.set(from);
            if (count < 0) {
                throw new IllegalStateException("the database went away");
            }
            return count;
        }

        @Override
        public boolean totalTakesARead() {
            return takesARead;
        }

        @Override
        public Optional<LedgerEntry> next(BatchContext batch) {
            return Optional.empty();
        }
    }
}
