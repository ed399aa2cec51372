package io.flowhub.bulk.job;

import org.bson.types.ObjectId;

import java.util.List;

/** What one batch of a bulk job does to its items: one bulk write. */
@FunctionalInterface
public interface BatchStep {

    /**
     * Applies the operation to one batch. The write's filter must exclude items already in the
     * target state, so applying the same batch again changes nothing.
     *
     * @param batch   the ids of this batch
     * @param jobId   the job, recorded on every item it changes
     * @param inDoubt true when an earlier attempt may have written this batch and died before
     *                recording it: count every item this job changed, not only those changed now
     * @return how many items of the batch this job changed
     */
    long apply(List<ObjectId> batch, ObjectId jobId, boolean inDoubt);
}
