package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;
import static com.mongodb.client.model.Indexes.descending;

/** Indexes the item filters and job look-ups need; creating an index that exists is a no-op. */
class M001_CreateItemAndJobIndexes implements Migration {

    @Override
    public String id() {
        return "M001_CreateItemAndJobIndexes";
    }

    @Override
    public void apply(MongoDatabase database) {
        var items = database.getCollection(CollectionNames.ITEMS);
        items.createIndex(compoundIndex(ascending("created_by"), ascending("_id")));
        items.createIndex(ascending("tags"));
        items.createIndex(ascending("test_data"));
        items.createIndex(compoundIndex(ascending("is_active"), ascending("deleted_at")));

        var jobs = database.getCollection(CollectionNames.JOBS);
        jobs.createIndex(ascending("command_id"), new IndexOptions().unique(true));
        jobs.createIndex(compoundIndex(ascending("owner_id"), descending("created_at")));
    }
}
