package io.flowhub.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.engine.JobFields.HOLDS_MARK;
import static io.flowhub.engine.JobFields.STATUS;
import static io.flowhub.store.StoreException.translated;

/**
 * A mark on every running job that moves whenever an operator's hold is put or released. The job's holder gets the
 * mark back from each write it makes to the job (the claim, every batch's progress), so a batch reads the holds again
 * only when the mark moved since its last read ({@link Job#holdsMark()}): one round trip a batch fewer, and a hold
 * still counts from every batch that begins after its put returned — the mark moves before the put answers, and a
 * batch begins with its job's last write.
 *
 * <p>A job claimed after the mark moved reads the holds afresh anyway; so only running jobs are marked.
 */
public final class HoldsMark {

    private final MongoCollection<Document> jobs;

    public HoldsMark(MongoDatabase database) {
        this.jobs = database.getCollection(CollectionNames.JOBS);
    }

    /** Moves the mark of every running job: after a hold was put or released, before the caller is answered. */
    public void move() {
        translated("mark the running jobs' holds as changed", () -> jobs.updateMany(
                eq(STATUS, JobStatus.RUNNING.wireValue()), set(HOLDS_MARK, new ObjectId())));
    }
}
