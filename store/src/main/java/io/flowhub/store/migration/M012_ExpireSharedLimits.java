package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;

import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Indexes.ascending;

/**
 * The gateway's shared limits forget what no longer limits anyone: a token bucket once it would be
 * full again, an event stream's slot once its gateway stopped renewing it.
 */
class M012_ExpireSharedLimits implements Migration {

    @Override
    public String id() {
        return "M012_ExpireSharedLimits";
    }

    @Override
    public void apply(MongoDatabase database) {
        for (String collection : new String[] {CollectionNames.RATE_LIMITS, CollectionNames.LIMIT_SLOTS}) {
            database.getCollection(collection)
                    .createIndex(ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        }
    }
}
