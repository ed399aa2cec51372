package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.item.ItemFields;

import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Indexes.ascending;

/** Plans are deleted a day after they expire (a TTL index); an apply finds a plan's items by their mark. */
class M009_PlansExpireAndItemsIndexTheirPlans implements Migration {

    @Override
    public String id() {
        return "M009_PlansExpireAndItemsIndexTheirPlans";
    }

    @Override
    public void apply(MongoDatabase database) {
        database.getCollection(CollectionNames.PLANS)
                .createIndex(ascending("delete_after"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        database.getCollection(CollectionNames.ITEMS).createIndex(ascending(ItemFields.PLAN_IDS));
    }
}
