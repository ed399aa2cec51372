package io.flowhub.engine;

import io.flowhub.store.JobId;
import org.bson.types.ObjectId;

import java.util.List;
import java.util.Set;

/**
 * The items a job changed that no batch of its ledger names: a batch whose worker wrote it and then died, or lost its
 * lease, before recording it, on a job that ended (cancelled, failed) so that no next holder will adopt the write.
 * The sweeper records them as the job's last batch, so that its ledger, counts and undo cover what it did.
 */
@FunctionalInterface
public interface UnrecordedChanges {

    /** For a kind of job that marks nothing on what it changes. */
    UnrecordedChanges NONE = (job, recorded) -> List.of();

    /**
     * @param recorded the items the job's ledger names
     * @return the items carrying the job's mark that are not among them, with the tags it changed on each
     */
    List<Change> of(JobId job, Set<ObjectId> recorded);

    /** One item a job changed, and for a tag job which of its tags. */
    record Change(ObjectId itemId, List<String> tags) {
    }
}
