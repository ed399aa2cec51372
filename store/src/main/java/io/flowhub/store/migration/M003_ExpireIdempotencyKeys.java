package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;

import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Indexes.ascending;

/** Idempotency keys are remembered for a day, then forgotten by a TTL index. */
class M003_ExpireIdempotencyKeys implements Migration {

    @Override
    public String id() {
        return "M003_ExpireIdempotencyKeys";
    }

    @Override
    public void apply(MongoDatabase database) {
        database.getCollection(CollectionNames.IDEMPOTENCY_KEYS)
                .createIndex(ascending("created_at"), new IndexOptions().expireAfter(1L, TimeUnit.DAYS));
    }
}
