package io.flowhub.engine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.item.MarkedItems;
import io.flowhub.engine.item.TagMarks;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweeper sends a job's command again only when nobody will: a job handed back whose copy is on its topic waits
 * for that copy however long it takes (two copies would run the job in two places by turns until it ends), and one
 * whose worker died between handing it back and sending the copy is sent again once its lease ran out.
 */
@ExtendWith(FlowHubStackExtension.class)
class JobSweeperIntegrationTests {

    private static final Duration LEASE = Duration.ofSeconds(1);

    private final MongoClient client;
    private final MongoDatabase database;
    private final JobStore jobs;
    private final HeldJobs held;
    private final JobSweeper sweeper;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    JobSweeperIntegrationTests(TestStack stack) {
        this.client = MongoClients.create(stack.mongoUri());
        this.database = client.getDatabase("flowhub_sweep_" + UUID.randomUUID().toString().substring(0, 8));
        Clock clock = Clock.systemUTC();
        this.jobs = new JobStore(database, clock, JobEventSink.NONE);
        this.held = new HeldJobs(database, clock, JobEventSink.NONE);
        var worker = new JobWorker(JobKind.BULK, "flowhub.commands.bulk", "sweeper", LEASE, Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1));
        this.sweeper = new JobSweeper(jobs, new JobQueries(database, clock), new JobOutbox(database, clock),
                new JobLedger(database), new MarkedItems(database.getCollection("items")), new JobMetrics(new SimpleMeterRegistry(), worker.commandTopic()), worker);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aJobHandedBackWhoseCopyWaitsLongerThanItsLeaseIsNotSentAgain() {
        JobId waiting = handedBack(true);
        JobId dropped = handedBack(false);

        sweeper.sweep((key, command) -> sent.add(new String(command)));

        assertThat(sent).hasSize(1).allSatisfy(command -> assertThat(command).contains(dropped.toString()))
                .noneSatisfy(command -> assertThat(command).contains(waiting.toString()));
    }

    @Test
    void aJobCancelledWhileItsWorkerWasDeadCountsTheBatchItsWorkerRecordedAndNeverFolded() {
        var jobId = new JobId(new ObjectId());
        jobs.createIfAbsent(new NewJob(jobId, JobKind.BULK, "delete", Owner.user(new UserId(new ObjectId())), null, null, false,
                UUID.randomUUID(), 3, "{}", false));
        ObjectId token = JobLease.newToken();
        assertThat(held.start(jobId, "worker-a", token, LEASE, 3)).isPresent();
        // why: the state a worker leaves that recorded batch 1 (three items) and died before folding it, whose job was
        // then cancelled: the job says nothing was processed, its ledger says three items were
        new JobLedger(database).record(new LedgerEntry(jobId, 1, "delete", null, null,
                List.of(new ObjectId(), new ObjectId(), new ObjectId()), new JobCounts(3, 0, 0, 0, 0), List.of(),
                CleanupResult.NONE, Checkpoint.START.next("items", 3, null), Instant.now(), List.of()),
                java.util.Optional.empty());
        cancelledWithItsWorkerGone(jobId);

        sweepTwice();

        Job settled = jobs.find(jobId).orElseThrow();
        assertThat(settled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(settled.counts().processed()).isEqualTo(3);
        assertThat(settled.checkpoint().batch()).isEqualTo(1);
        assertThat(sent).isEmpty();
    }

    @Test
    void aBatchWrittenAndNeverRecordedByAJobCancelledMeanwhileIsRecordedAsItsLastBatchAndCounted() {
        var jobId = new JobId(new ObjectId());
        jobs.createIfAbsent(new NewJob(jobId, JobKind.BULK, "add_tags", Owner.user(new UserId(new ObjectId())), null, null, false,
                UUID.randomUUID(), 5, "{}", false));
        assertThat(held.start(jobId, "worker-a", JobLease.newToken(), LEASE, 5)).isPresent();
        // why: the state a worker leaves that wrote its first batch (two items tagged, each with the job's mark) and
        // died before recording it, whose job was then cancelled: nobody will take the job over to record the write
        List<ObjectId> written = taggedBy(jobId, 2);
        database.getCollection("items").insertOne(new org.bson.Document("_id", new ObjectId()).append("tags", List.of()));
        cancelledWithItsWorkerGone(jobId);

        sweepTwice();

        Job settled = jobs.find(jobId).orElseThrow();
        List<LedgerEntry> ledger = new JobLedger(database).of(jobId);
        assertThat(settled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(settled.counts().processed()).isEqualTo(2);
        assertThat(ledger).hasSize(1);
        assertThat(ledger.getFirst().itemIds()).containsExactlyInAnyOrderElementsOf(written);
        assertThat(ledger.getFirst().tagChanges()).containsExactly(new TagChange("x", ledger.getFirst().itemIds()));
    }

    @Test
    void aWorkerBackAfterTheSweeperSettledItsCancelledJobNeitherTakesItsCountsBackNorLeavesItsLastWriteUncounted() {
        var jobId = new JobId(new ObjectId());
        jobs.createIfAbsent(new NewJob(jobId, JobKind.BULK, "add_tags", Owner.user(new UserId(new ObjectId())), null, null, false,
                UUID.randomUUID(), 6, "{}", false));
        ObjectId token = JobLease.newToken();
        assertThat(held.start(jobId, "worker-a", token, LEASE, 6)).isPresent();
        var lease = new JobLease(jobId, "worker-a", token, LEASE, Instant.now(), held, Clock.systemUTC());
        // why: batch 1 written, recorded and folded; batch 2 written, then the worker was cut off before recording it,
        // the job cancelled, and the sweeper, a lease later, recorded batch 2 for it and settled the job
        List<ObjectId> first = taggedBy(jobId, 2);
        LedgerEntry one = new JobLedger(database).record(new LedgerEntry(jobId, 1, "add_tags", null, null, first,
                new JobCounts(2, 0, 0, 0, 0), List.of(), CleanupResult.NONE, Checkpoint.START.next("items", 2, first.getLast()),
                Instant.now(), List.of(new TagChange("x", first))), java.util.Optional.empty());
        JobProgress afterOne = JobProgress.none(6).plus(one);
        assertThat(held.recordProgress(jobId, lease, afterOne)).isPresent();
        taggedBy(jobId, 2);
        cancelledWithItsWorkerGone(jobId);
        sweepTwice();
        assertThat(jobs.find(jobId).orElseThrow().counts().processed()).isEqualTo(4);

        // why: back, the worker's third write lands (its fence came before the cut), the fence refuses its record,
        // and it stops with what it knows: batch 1
        List<ObjectId> third = taggedBy(jobId, 2);
        held.recordLastBatchOfCancelled(jobId, lease, afterOne);
        sweepTwice();

        Job settled = jobs.find(jobId).orElseThrow();
        List<LedgerEntry> ledger = new JobLedger(database).of(jobId);
        assertThat(settled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(settled.counts().processed()).isEqualTo(6);
        assertThat(settled.checkpoint().batch()).isEqualTo(3);
        assertThat(ledger).hasSize(3);
        assertThat(ledger.getLast().itemIds()).containsExactlyInAnyOrderElementsOf(third);
    }

    /** @return the ids of {@code count} new items tagged {@code x} by the job, each with the job's mark */
    private List<ObjectId> taggedBy(JobId jobId, int count) {
        var written = new ArrayList<ObjectId>();
        for (int i = 0; i < count; i++) {
            written.add(new ObjectId());
            database.getCollection("items").insertOne(new org.bson.Document("_id", written.getLast())
                    .append("tags", List.of("x")).append("last_job_id", jobId.value())
                    .append("tag_changes", List.of(TagMarks.of(jobId, true, "x"))));
        }
        return written;
    }

    /** Cancels the job and makes its worker's last heartbeat a lease and more old: no worker will write it again. */
    private void cancelledWithItsWorkerGone(JobId jobId) {
        assertThat(jobs.cancel(jobId)).isPresent();
        database.getCollection("jobs").updateOne(eq("_id", jobId.value()),
                set("heartbeat_at", Date.from(Instant.now().minus(LEASE.multipliedBy(10)))));
    }

    /** Sweeps twice: what the first sweep settled, the second must leave as it is. */
    private void sweepTwice() {
        sweeper.sweep((key, command) -> sent.add(new String(command)));
        sweeper.sweep((key, command) -> sent.add(new String(command)));
    }

    /** @return a job handed back a lease and more ago, its copy sent ({@code copySent}) or lost with its worker */
    private JobId handedBack(boolean copySent) {
        var jobId = new JobId(new ObjectId());
        String command = "{\"type\":\"SoftDeleteItems\",\"job_id\":\"" + jobId + "\"}";
        jobs.createIfAbsent(new NewJob(jobId, JobKind.BULK, "delete", Owner.user(new UserId(new ObjectId())), null, null, false,
                UUID.randomUUID(), 1, command, false));
        ObjectId token = JobLease.newToken();
        assertThat(held.start(jobId, "worker-a", token, LEASE, 0)).isPresent();
        var lease = new JobLease(jobId, "worker-a", token, LEASE, Instant.now(), held, Clock.systemUTC());
        assertThat(held.handBack(jobId, lease)).isTrue();
        if (copySent) {
            held.handedOver(jobId, lease);
        }
        // why: the copy has waited behind other commands for longer than the lease
        database.getCollection("jobs").updateOne(eq("_id", jobId.value()),
                set("heartbeat_at", Date.from(Instant.now().minus(LEASE.multipliedBy(10)))));
        return jobId;
    }
}
