package io.flowhub.engine;

import com.mongodb.client.MongoDatabase;
import io.flowhub.engine.QueuedJobBuilder.QueuedJob;
import io.flowhub.engine.item.Holds;
import io.flowhub.store.JobId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.engine.QueuedJobBuilder.aQueuedJob;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job engine's contract, one suite for every MongoDB it may run on (in the style of jobrunr's storage
 * tests): a subclass says which database, and every test runs the engine in-process on it alone — no Kafka,
 * no Spring, no gateway — from jobs made with {@link QueuedJobBuilder}. A change to the engine is proven here,
 * in its own module, in seconds.
 */
abstract class JobEngineContract {

    private EngineFixture fixture;

    /** @return a database of this test's own */
    protected abstract MongoDatabase database();

    @BeforeEach
    void fixture() {
        fixture = new EngineFixture(database());
    }

    @Test
    void aQueuedJobRunsBatchByBatchToCompletionWithCountsThatAddUpAndMatchItsLedger() {
        QueuedJob queued = aQueuedJob().withItems(5).inBatchesOf(2).recordedIn(fixture);

        fixture.engine("worker-a").run(queued.command(), job -> fixture.softDeleteOf(queued), Backlog.NONE);

        Job job = job(queued);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.counts().processed()).isEqualTo(5);
        assertThat(job.counts().processed() + job.counts().skipped() + job.counts().failed()).isEqualTo(job.totalItems());
        assertThat(job.progress()).isEqualTo(100);
        List<LedgerEntry> ledger = fixture.ledger().of(job.id());
        assertThat(ledger).hasSize(3);
        assertThat(ledger.stream().flatMap(entry -> entry.itemIds().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(queued.items());
        assertThat(activeItems(queued)).isZero();
    }

    @Test
    void aCommandDeliveredAgainAfterItsJobFinishedChangesNothing() {
        QueuedJob queued = aQueuedJob().withItems(3).recordedIn(fixture);
        var engine = fixture.engine("worker-a");
        engine.run(queued.command(), job -> fixture.softDeleteOf(queued), Backlog.NONE);
        Job first = job(queued);

        engine.run(queued.command(), job -> fixture.softDeleteOf(queued), Backlog.NONE);
        fixture.engine("worker-b").run(queued.command(), job -> fixture.softDeleteOf(queued), Backlog.NONE);

        Job again = job(queued);
        assertThat(again.attempts()).isEqualTo(first.attempts()).isEqualTo(1);
        assertThat(again.counts()).isEqualTo(first.counts());
        assertThat(fixture.ledger().of(again.id())).hasSameSizeAs(fixture.ledger().of(first.id()));
    }

    @Test
    void aCommandFromAProducerWithoutAJobGetsOneJobHoweverOftenItIsDelivered() {
        QueuedJob queued = aQueuedJob().withItems(2).withoutARecordedJob().recordedIn(fixture);

        fixture.engine("worker-a").run(queued.command(), job -> fixture.softDeleteOf(queued), Backlog.NONE);
        fixture.engine("worker-b").run(queued.command(), job -> fixture.softDeleteOf(queued), Backlog.NONE);

        var jobs = database().getCollection("jobs").find(eq("command_id", queued.command().commandId().toString()))
                .into(new java.util.ArrayList<>());
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.getString("status")).isEqualTo("completed");
            assertThat(job.getLong("processed")).isEqualTo(2);
        });
    }

    @Test
    void aJobCancelledBeforeAWorkerReadItsCommandIsLeftAsItIs() {
        QueuedJob queued = aQueuedJob().withItems(3).recordedIn(fixture);
        assertThat(fixture.jobs().cancel(queued.command().jobId())).isPresent();

        fixture.engine("worker-a").run(queued.command(), job -> fixture.softDeleteOf(queued), Backlog.NONE);

        Job job = job(queued);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.counts().processed()).isZero();
        assertThat(activeItems(queued)).isEqualTo(3);
    }

    @Test
    void aJobAnotherLiveWorkerHoldsIsLeftToIt() {
        QueuedJob queued = aQueuedJob().withItems(3).recordedIn(fixture);
        assertThat(fixture.held().start(queued.command().jobId(), "worker-b", new ObjectId(), EngineFixture.LEASE, 0))
                .isPresent();

        fixture.engine("worker-a").run(queued.command(), job -> fixture.softDeleteOf(queued), Backlog.NONE);

        Job job = job(queued);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.workerId()).isEqualTo("worker-b");
        assertThat(activeItems(queued)).isEqualTo(3);
    }

    @Test
    void aJobItsWorkMayNotRunFailsSayingWhyAndTouchesNothing() {
        QueuedJob queued = aQueuedJob().withItems(2).recordedIn(fixture);

        fixture.engine("worker-a").run(queued.command(), job -> new Unrunnable("refused by the test's policy"),
                Backlog.NONE);

        Job job = job(queued);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureReason()).isEqualTo("refused by the test's policy");
        assertThat(activeItems(queued)).isEqualTo(2);
    }

    @Test
    void aHoldPutOrReleasedWhileAJobRunsCountsFromItsNextBatch() {
        QueuedJob queued = aQueuedJob().withItems(6).inBatchesOf(2).recordedIn(fixture);
        List<ObjectId> items = queued.items();
        var holds = new Holds(database(), Clock.systemUTC());
        Holds.Hold releasedMidway = holds.put(List.of(items.get(3)), List.of(), null, "released during batch 1", "test");

        fixture.engine("worker-a").run(queued.command(), job -> new JobWork() {
            private final JobWork work = fixture.softDeleteOf(queued);

            @Override
            public Optional<LedgerEntry> next(BatchContext batch) {
                var done = work.next(batch);
                if (batch.number() == 1) {
                    // why: after batch 1's write and before its progress: batches 2 and 3 begin after both calls returned
                    holds.put(List.of(items.get(4)), List.of(), null, "put during batch 1", "test");
                    holds.release(releasedMidway.id());
                }
                return done;
            }

            @Override
            public void close() {
                work.close();
            }
        }, Backlog.NONE);

        Job job = job(queued);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.counts().processed()).isEqualTo(5);
        assertThat(job.counts().held()).isEqualTo(1);
        assertThat(database().getCollection("items").find(eq("is_active", true)).map(item -> item.getObjectId("_id"))
                .into(new java.util.ArrayList<>())).containsExactly(items.get(4));
    }

    private Job job(QueuedJob queued) {
        JobId id = queued.command().jobId();
        return fixture.jobs().find(id).orElseThrow();
    }

    private long activeItems(QueuedJob queued) {
        return database().getCollection("items").countDocuments(and(in("_id", queued.items()), eq("is_active", true)));
    }
}
