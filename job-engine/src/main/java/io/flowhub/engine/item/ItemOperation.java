package io.flowhub.engine.item;

import io.flowhub.events.Operation;
import io.flowhub.store.JobId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * What a bulk operation does to one batch of items, as one bulk write: the filter that leaves out
 * items already in the target state, and the update. Re-running a batch therefore changes nothing.
 */
public interface ItemOperation {

    /** @return what the operation is, as jobs and metrics name it */
    Operation operation();

    /** @return the condition of items this operation would still change */
    Bson pending();

    /** @return the update, which also records the job on every item it changes */
    Bson change(JobId jobId, Date now);

    /**
     * For operations that can refuse single items: why this item (read before the write) must not
     * change. Items refused are counted as failed and left out of the write.
     */
    default Optional<String> refusal(Document item) {
        return Optional.empty();
    }

    /** @return true when {@link #refusal} must see the items before the write */
    /** @return true for an operation that deletes (a soft delete): it leaves the items operators hold alone */
    default boolean destroys() {
        return false;
    }

    default boolean refusesItems() {
        return false;
    }

    /** @return true for an operation on tags, whose batches record which tags they changed on which items */
    default boolean changesTags() {
        return false;
    }

    /**
     * @return the writes of one batch, each one {@code updateMany} with the batch's scope: {@link #pending} and
     *         {@link #change} for most operations; an operation on tags writes once per tag, each write leaving
     *         {@link TagMarks} on exactly the items whose tag it changed
     */
    default List<Write> writes(JobId jobId, Date now) {
        return List.of(new Write(pending(), change(jobId, now)));
    }

    /** One write of a batch: which of the batch's items it changes, and how. */
    record Write(Bson filter, Bson update) {
    }
}
