package io.flowhub.store.migration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.store.CollectionNames;

import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/** One account per e-mail address; OTPs expire by themselves; activity is found by user and by item. */
class M002_CreateUserOtpAndActivityIndexes implements Migration {

    @Override
    public String id() {
        return "M002_CreateUserOtpAndActivityIndexes";
    }

    @Override
    public void apply(MongoDatabase database) {
        database.getCollection(CollectionNames.USERS).createIndex(ascending("email"), new IndexOptions().unique(true));

        var otps = database.getCollection(CollectionNames.OTPS);
        otps.createIndex(ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        otps.createIndex(compoundIndex(ascending("email"), ascending("purpose")));

        var activity = database.getCollection(CollectionNames.ACTIVITY_LOGS);
        activity.createIndex(ascending("user_id"));
        activity.createIndex(ascending("item_id"));
    }
}
