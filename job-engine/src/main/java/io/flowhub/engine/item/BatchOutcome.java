package io.flowhub.engine.item;

import io.flowhub.engine.JobCounts;
import io.flowhub.engine.JobError;
import io.flowhub.engine.TagChange;
import org.bson.types.ObjectId;

import java.util.List;

/**
 * What one batch did.
 *
 * @param counts  the batch's counts
 * @param errors  the items that failed, and why
 * @param changed the items this job changed in the batch, for the activity log
 * @param tagChanges for a tag operation, which tags it really changed on which items
 */
public record BatchOutcome(JobCounts counts, List<JobError> errors, List<ObjectId> changed, List<TagChange> tagChanges) {
}
