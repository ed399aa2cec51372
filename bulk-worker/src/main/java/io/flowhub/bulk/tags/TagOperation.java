package io.flowhub.bulk.tags;

import io.flowhub.store.JobId;
import io.flowhub.engine.item.ItemOperation;
import io.flowhub.engine.item.TagMarks;

import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.LAST_JOB_ID;
import static io.flowhub.store.item.ItemFields.TAGS;
import static io.flowhub.store.item.ItemFields.TAG_CHANGES;
import static io.flowhub.store.item.ItemFields.UPDATED_AT;

/**
 * What adding and removing tags share: the tags, and which of them a write really changes on an
 * item, so that a batch's ledger entry says so and an undo reverses exactly that.
 */
abstract sealed class TagOperation implements ItemOperation permits AddTagsOperation, RemoveTagsOperation {

    protected final List<String> tags;

    TagOperation(List<String> tags) {
        this.tags = List.copyOf(tags);
    }

    /** @return true for adding the tags, false for removing them */
    abstract boolean adds();

    @Override
    public final boolean changesTags() {
        return true;
    }

    /**
     * One write per tag, matching only the items on which that tag really changes, and leaving the job's mark for
     * that tag on exactly them ({@link TagMarks}): the ledger's tag changes, and so an undo, are read from those marks.
     */
    @Override
    public final List<Write> writes(JobId jobId, Date now) {
        return tags.stream().map(tag -> new Write(adds() ? ne(TAGS, tag) : eq(TAGS, tag), combine(
                adds() ? addToSet(TAGS, tag) : pull(TAGS, tag),
                addToSet(TAG_CHANGES, TagMarks.of(jobId, adds(), tag)),
                set(UPDATED_AT, now), set(LAST_JOB_ID, jobId.value())))).toList();
    }
}
