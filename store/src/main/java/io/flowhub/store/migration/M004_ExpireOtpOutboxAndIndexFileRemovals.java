package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;

import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;
import static com.mongodb.client.model.Indexes.descending;

/** Codes in the test outbox expire with the code; file removals are found by job and by status. */
class M004_ExpireOtpOutboxAndIndexFileRemovals implements Migration {

    @Override
    public String id() {
        return "M004_ExpireOtpOutboxAndIndexFileRemovals";
    }

    @Override
    public void apply(MongoDatabase database) {
        var outbox = database.getCollection(CollectionNames.OTP_OUTBOX);
        outbox.createIndex(ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        outbox.createIndex(compoundIndex(ascending("email"), descending("created_at")));
        var removals = database.getCollection(CollectionNames.FILE_REMOVALS);
        removals.createIndex(ascending("job_id"));
        removals.createIndex(ascending("status"));
        database.getCollection(CollectionNames.AUDIT_LOGS).createIndex(descending("at"));
    }
}
