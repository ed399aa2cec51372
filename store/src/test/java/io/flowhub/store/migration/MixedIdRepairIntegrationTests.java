package io.flowhub.store.migration;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data file from an older version holds string {@code _id}s beside ObjectIds (job activity
 * entries, idempotency keys, file removals): the migrations at start-up move every document to an
 * ObjectId key, keep the natural keys in fields, lose nothing, and do the same when run again.
 */
@ExtendWith(FlowHubStackExtension.class)
class MixedIdRepairIntegrationTests {

    private final TestStack stack;

    MixedIdRepairIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aDatabaseWithMixedIdTypesIsRepairedAtStartAndKeepsEveryDocument() {
        try (var client = MongoClients.create(stack.mongoUri())) {
            MongoDatabase database = client.getDatabase("flowhub_old_" + UUID.randomUUID().toString().substring(0, 8));
            ObjectId job = new ObjectId();
            ObjectId owner = new ObjectId();
            var activity = database.getCollection(CollectionNames.ACTIVITY_LOGS);
            var entries = new ArrayList<Document>();
            for (int i = 0; i < 1_500; i++) {
                ObjectId item = new ObjectId();
                entries.add(new Document("_id", job.toHexString() + ":" + item.toHexString()).append("item_id", item)
                        .append("job_id", job).append("action", "delete").append("at", new Date()));
            }
            activity.insertMany(entries);
            activity.insertOne(new Document("_id", new ObjectId()).append("item_id", new ObjectId())
                    .append("action", "create"));
            database.getCollection(CollectionNames.IDEMPOTENCY_KEYS).insertOne(new Document("_id",
                    owner.toHexString() + ":nightly-run").append("request_hash", "abc").append("job_id", job)
                    .append("created_at", new Date()));
            database.getCollection(CollectionNames.FILE_REMOVALS).insertOne(new Document("_id", "items/a/b.txt")
                    .append("job_id", job).append("status", "failed"));

            new MigrationRunner(database).run();
            M005_LedgerTombstonesAndObjectIdKeys.rekey(database, CollectionNames.ACTIVITY_LOGS, legacy -> legacy);

            assertThat(activity.countDocuments()).isEqualTo(1_501);
            activity.find().forEach(entry -> assertThat(entry.get("_id")).isInstanceOf(ObjectId.class));
            Document key = database.getCollection(CollectionNames.IDEMPOTENCY_KEYS).find().first();
            assertThat(key.get("_id")).isInstanceOf(ObjectId.class);
            assertThat(key.getString("owner_id")).isEqualTo(owner.toHexString());
            assertThat(key.getString("key")).isEqualTo("nightly-run");
            Document removal = database.getCollection(CollectionNames.FILE_REMOVALS).find().first();
            assertThat(removal.get("_id")).isInstanceOf(ObjectId.class);
            assertThat(removal.getString("path")).isEqualTo("items/a/b.txt");
            database.drop();
        }
    }
}
