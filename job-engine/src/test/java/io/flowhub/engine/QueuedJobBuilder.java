package io.flowhub.engine;

import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Test builder of a job as a producer leaves it for the engine: its items in MongoDB, the job recorded as
 * {@code queued} (or not at all, as an outside producer leaves it), and the command a worker receives.
 * {@code aQueuedJob().withItems(5).inBatchesOf(2).recordedIn(fixture)}.
 */
final class QueuedJobBuilder {

    private int items = 3;
    private int batchSize = 2;
    private boolean recorded = true;
    private final UserId owner = new UserId(new ObjectId());

    private QueuedJobBuilder() {
    }

    static QueuedJobBuilder aQueuedJob() {
        return new QueuedJobBuilder();
    }

    /** @param count how many active items of the job's owner it soft-deletes */
    QueuedJobBuilder withItems(int count) {
        this.items = count;
        return this;
    }

    QueuedJobBuilder inBatchesOf(int size) {
        this.batchSize = size;
        return this;
    }

    /** A command from a producer outside the gateway: no job recorded, the engine records one for its command id. */
    QueuedJobBuilder withoutARecordedJob() {
        this.recorded = false;
        return this;
    }

    QueuedJob recordedIn(EngineFixture fixture) {
        var ids = new ArrayList<ObjectId>();
        var now = new Date();
        for (int i = 0; i < items; i++) {
            ObjectId id = new ObjectId();
            ids.add(id);
            fixture.database().getCollection("items").insertOne(new Document("_id", id).append("name", "item " + i)
                    .append("tags", List.of()).append("created_by", owner.value()).append("is_active", true)
                    .append("deleted_at", null).append("created_at", now).append("updated_at", now));
        }
        var commandId = UUID.randomUUID();
        JobId jobId = recorded ? new JobId(new ObjectId()) : null;
        if (recorded) {
            fixture.jobs().createIfAbsent(new NewJob(jobId, JobKind.BULK, "delete", Owner.user(owner), null, null, false,
                    commandId, items, "{}", false));
        }
        var command = new JobCommand(commandId, jobId, JobKind.BULK, "delete", Owner.user(owner), null, null, false,
                "{}", false, Instant.now());
        return new QueuedJob(command, List.copyOf(ids), owner, batchSize);
    }

    /** A job waiting for the engine: its command, its items in order, and whose they are. */
    record QueuedJob(JobCommand command, List<ObjectId> items, UserId owner, int batchSize) {
    }
}
