package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.item.ItemFields;

import static com.mongodb.client.model.Indexes.ascending;

/**
 * A job carries the {@code Idempotency-Key} it was asked with, unique where present, so that recording the job is
 * claiming the key; items are found by the cleanup that claimed them, so that the claims of a job that ended
 * without letting go of them are found and released.
 */
class M010_JobsHoldTheirIdempotencyKeys implements Migration {

    @Override
    public String id() {
        return "M010_JobsHoldTheirIdempotencyKeys";
    }

    @Override
    public void apply(MongoDatabase database) {
        // why: sparse, so the many jobs asked without a key never collide on a missing one
        database.getCollection(CollectionNames.JOBS).createIndex(ascending("idempotency_key"),
                new IndexOptions().unique(true).sparse(true));
        database.getCollection(CollectionNames.ITEMS).createIndex(ascending(ItemFields.DELETING_JOB),
                new IndexOptions().sparse(true));
    }
}
