package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;

import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Indexes.ascending;

/**
 * The audit rows of refused calls carry {@code expires_at} and are forgotten then by a TTL index;
 * rows of calls that were let in have none and are kept.
 */
class M006_ExpireDeniedAuditRows implements Migration {

    @Override
    public String id() {
        return "M006_ExpireDeniedAuditRows";
    }

    @Override
    public void apply(MongoDatabase database) {
        database.getCollection(CollectionNames.AUDIT_LOGS)
                .createIndex(ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }
}
