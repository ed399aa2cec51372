package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.item.ItemFields;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/**
 * Items carry the test run they were created under; a run's list, count and cleanup read by it, in
 * {@code _id} order. Creating an index that exists is a no-op.
 */
class M008_IndexItemRunId implements Migration {

    @Override
    public String id() {
        return "M008_IndexItemRunId";
    }

    @Override
    public void apply(MongoDatabase database) {
        database.getCollection(CollectionNames.ITEMS)
                .createIndex(compoundIndex(ascending(ItemFields.RUN_ID), ascending(ItemFields.ID)));
    }
}
