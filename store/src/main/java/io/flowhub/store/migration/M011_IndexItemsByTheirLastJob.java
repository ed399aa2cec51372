package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.item.ItemFields;

import static com.mongodb.client.model.Indexes.ascending;

/** The sweeper finds what an ended job changed and never recorded by the job's mark on the items. */
class M011_IndexItemsByTheirLastJob implements Migration {

    @Override
    public String id() {
        return "M011_IndexItemsByTheirLastJob";
    }

    @Override
    public void apply(MongoDatabase database) {
        database.getCollection(CollectionNames.ITEMS).createIndex(ascending(ItemFields.LAST_JOB_ID),
                new IndexOptions().sparse(true));
    }
}
