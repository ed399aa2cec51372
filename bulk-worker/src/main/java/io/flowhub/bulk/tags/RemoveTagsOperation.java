package io.flowhub.bulk.tags;

import io.flowhub.events.Operation;
import io.flowhub.store.JobId;
import org.bson.conversions.Bson;

import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pullAll;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.*;

/** Removes tags; items that carry none of them are left alone. */
public final class RemoveTagsOperation extends TagOperation {

    public RemoveTagsOperation(List<String> tags) {
        super(tags);
    }

    @Override
    public Operation operation() {
        return Operation.REMOVE_TAGS;
    }

    @Override
    public Bson pending() {
        return in(TAGS, tags);
    }

    @Override
    public Bson change(JobId jobId, Date now) {
        return combine(pullAll(TAGS, tags), set(UPDATED_AT, now), set(LAST_JOB_ID, jobId.value()));
    }

    @Override
    boolean adds() {
        return false;
    }
}
