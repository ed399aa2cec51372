package io.flowhub.engine;

import org.bson.types.ObjectId;

/**
 * Where a job stands: the batches it has recorded in its ledger and the point its next batch starts
 * from. A job resumes from here on any worker instance.
 *
 * @param batch       how many batches the job has recorded; the next is {@code batch + 1}
 * @param step        for a job of several steps (a purge: items, then its records), the step under way
 * @param cursor      how many selected items the job has worked through (a cleanup's step of whole records adds
 *                    the documents it deleted)
 * @param resumeAfter for a selection in {@code _id} order, the last item id worked through, or {@code null}
 */
public record Checkpoint(int batch, String step, long cursor, ObjectId resumeAfter) {

    public static final Checkpoint START = new Checkpoint(0, null, 0, null);

    /** @return the checkpoint after one more batch, which worked through {@code items} more items */
    public Checkpoint next(String step, long items, ObjectId resumeAfter) {
        return new Checkpoint(batch + 1, step, cursor + items, resumeAfter);
    }
}
