package io.flowhub.engine;

import com.mongodb.client.MongoDatabase;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.item.ItemBatches;
import io.flowhub.engine.item.Selection;
import io.flowhub.engine.item.SoftDeleteOperation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;

/** The job engine on one database, as a worker builds it, without Kafka or Spring: what its contract tests run. */
final class EngineFixture {

    static final Duration LEASE = Duration.ofMinutes(1);

    private final MongoDatabase database;
    private final Clock clock = Clock.systemUTC();
    private final JobStore jobs;

    EngineFixture(MongoDatabase database) {
        this.database = database;
        this.jobs = new JobStore(database, clock, JobEventSink.NONE);
    }

    MongoDatabase database() {
        return database;
    }

    JobStore jobs() {
        return jobs;
    }

    HeldJobs held() {
        return new HeldJobs(database, clock, JobEventSink.NONE);
    }

    JobLedger ledger() {
        return new JobLedger(database);
    }

    JobEngine engine(String workerId) {
        var worker = new JobWorker(JobKind.BULK, "flowhub.commands.bulk", workerId, LEASE, Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1));
        return new JobEngine(jobs, held(), new JobQueries(database, clock), ledger(), new ProcessedCommands(database, clock),
                new JobMetrics(new SimpleMeterRegistry(), worker.commandTopic()), worker, CommandTopic.NONE, clock);
    }

    /** @return the work of a bulk soft delete of the job's items, batch by batch, the owner's alone */
    JobWork softDeleteOf(QueuedJobBuilder.QueuedJob job) {
        return new ItemBatches(database.getCollection("items"), Selection.byIds(job.items()), new SoftDeleteOperation(),
                job.owner(), job.batchSize(), clock, new Holds(database, clock));
    }
}
