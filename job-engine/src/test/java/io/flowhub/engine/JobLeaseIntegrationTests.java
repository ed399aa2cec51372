package io.flowhub.engine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job engine's lease on MongoDB alone: a batch that takes longer than the lease keeps its job (the lease is
 * renewed while it runs), and a holder that lost its job to another worker — paused past its lease, then taken over —
 * writes nothing more: not its items, not its ledger, not the job.
 */
@ExtendWith(FlowHubStackExtension.class)
class JobLeaseIntegrationTests {

    private static final Duration LEASE = Duration.ofSeconds(1);

    private final MongoClient client;
    private final MongoDatabase database;
    private final JobStore jobs;
    private final HeldJobs held;

    JobLeaseIntegrationTests(TestStack stack) {
        this.client = MongoClients.create(stack.mongoUri());
        this.database = client.getDatabase("flowhub_lease_" + UUID.randomUUID().toString().substring(0, 8));
        this.jobs = new JobStore(database, Clock.systemUTC(), JobEventSink.NONE);
        this.held = new HeldJobs(database, Clock.systemUTC(), JobEventSink.NONE);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aBatchThatOutlastsItsLeaseKeepsItsJobAndNoOtherWorkerTakesItOver() throws Exception {
        JobCommand command = aQueuedJob();
        var batch = new SlowBatch();
        JobEngine engine = engine("worker-a", Clock.systemUTC());

        var running = CompletableFuture.runAsync(() -> engine.run(command, job -> batch, Backlog.NONE));
        assertThat(batch.entered.await(30, TimeUnit.SECONDS)).isTrue();

        // why: another worker tries to take the job over for three leases while the one batch runs
        await().during(LEASE.multipliedBy(3)).atMost(LEASE.multipliedBy(6)).until(() ->
                held.start(command.jobId(), "worker-b", new ObjectId(), LEASE, 0).isEmpty());
        batch.release.countDown();
        running.get(30, TimeUnit.SECONDS);

        Job job = jobs.find(command.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.workerId()).isEqualTo("worker-a");
        assertThat(batch.wrote).isTrue();
    }

    @Test
    void aHolderThatWasTakenOverMakesNoFurtherWriteToItemsLedgerOrJob() throws Exception {
        JobCommand command = aQueuedJob();
        var batch = new SlowBatch();
        var pausedClock = new MovableClock();
        JobEngine engine = engine("worker-a", pausedClock);

        var running = CompletableFuture.runAsync(() -> engine.run(command, job -> batch, Backlog.NONE));
        assertThat(batch.entered.await(30, TimeUnit.SECONDS)).isTrue();
        // why: the state a pause past the lease leaves (a stopped process, a long GC): the heartbeat is old, another
        // worker takes the job over, and the paused one wakes up a lease later in the middle of its batch
        database.getCollection("jobs").updateOne(eq("_id", command.jobId().value()),
                set("heartbeat_at", Date.from(Instant.now().minus(LEASE.multipliedBy(5)))));
        ObjectId successor = new ObjectId();
        Optional<Job> takenOver = held.start(command.jobId(), "worker-b", successor, LEASE, 0);
        pausedClock.advance(LEASE.multipliedBy(2));
        batch.release.countDown();
        running.get(30, TimeUnit.SECONDS);

        assertThat(takenOver).isPresent();
        assertThat(batch.wrote).isFalse();
        assertThat(batch.refused).isTrue();
        assertThat(database.getCollection("items").countDocuments()).isZero();
        assertThat(database.getCollection("job_ledger").countDocuments()).isZero();
        Document job = database.getCollection("jobs").find(eq("_id", command.jobId().value())).first();
        assertThat(job.getString("status")).isEqualTo("running");
        assertThat(job.getString("worker_id")).isEqualTo("worker-b");
        assertThat(job.getObjectId("lease")).isEqualTo(successor);
        assertThat(job.getInteger("batches", 0)).isZero();
    }

    private JobEngine engine(String workerId, Clock clock) {
        var worker = new JobWorker(JobKind.BULK, "flowhub.commands.bulk", workerId, LEASE, Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1));
        return new JobEngine(new JobStore(database, clock, JobEventSink.NONE),
                new HeldJobs(database, clock, JobEventSink.NONE), new JobQueries(database, clock),
                new JobLedger(database), new ProcessedCommands(database, clock),
                new JobMetrics(new SimpleMeterRegistry(), worker.commandTopic()), worker, CommandTopic.NONE, clock);
    }

    private JobCommand aQueuedJob() {
        var jobId = new JobId(new ObjectId());
        var commandId = UUID.randomUUID();
        var owner = Owner.user(new UserId(new ObjectId()));
        jobs.createIfAbsent(new NewJob(jobId, JobKind.BULK, "delete", owner, null, null, false, commandId, 1, "{}", false));
        return new JobCommand(commandId, jobId, JobKind.BULK, "delete", owner, null, null, false, "{}", false, Instant.now());
    }

    /** One batch that waits to be let go, then writes an item and records itself: a write behind a fence each. */
    private final class SlowBatch implements JobWork {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean wrote;
        volatile boolean refused;

        @Override
        public Optional<LedgerEntry> next(BatchContext batch) {
            if (batch.number() > 1) {
                return Optional.empty();
            }
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                batch.fence();
            } catch (LeaseLostException e) {
                refused = true;
                throw e;
            }
            ObjectId item = new ObjectId();
            database.getCollection("items").insertOne(new Document("_id", item).append("last_job_id", batch.jobId().value()));
            wrote = true;
            return Optional.of(batch.record(List.of(item), new JobCounts(1, 0, 0, 0, 0), List.of(), CleanupResult.NONE,
                    batch.checkpoint().next("items", 1, item), Optional.empty()));
        }
    }

    /** The clock of a process that can be paused: it moves on when told to. */
    private static final class MovableClock extends Clock {

        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
