package io.flowhub.bulk.tags;

import io.flowhub.events.Operation;
import io.flowhub.events.Tags;
import io.flowhub.store.JobId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.*;

/**
 * Adds tags; items that carry all of them already are left alone. An item that would end up with
 * more than {@link #Tags.MAX_TAGS} tags is refused and counted as failed, as the item API refuses it.
 */
public final class AddTagsOperation extends TagOperation {

    public AddTagsOperation(List<String> tags) {
        super(tags);
    }

    @Override
    public Operation operation() {
        return Operation.ADD_TAGS;
    }

    @Override
    public Bson pending() {
        return not(all(TAGS, tags));
    }

    @Override
    public Bson change(JobId jobId, Date now) {
        return combine(addEachToSet(TAGS, tags), set(UPDATED_AT, now), set(LAST_JOB_ID, jobId.value()));
    }

    @Override
    public boolean refusesItems() {
        return true;
    }

    @Override
    public Optional<String> refusal(Document item) {
        var after = new LinkedHashSet<>(item.getList(TAGS, String.class, List.of()));
        after.addAll(tags);
        return after.size() > Tags.MAX_TAGS
                ? Optional.of("adding the tags would give the item " + after.size() + " tags; at most " + Tags.MAX_TAGS
                        + " are allowed")
                : Optional.empty();
    }

    @Override
    boolean adds() {
        return true;
    }
}
