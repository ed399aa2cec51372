package io.flowhub.store.migration;

import com.mongodb.client.MongoClients;
import io.flowhub.store.CollectionNames;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Date;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs written before {@code owner_type} existed spell their owner as one string: a user's id,
 * {@code key:<fingerprint>} or {@code schedule}. The migration splits each into its kind and its id,
 * leaves an owner-less job alone, and changes nothing when run again.
 */
@ExtendWith(FlowHubStackExtension.class)
class OwnerTypeMigrationIntegrationTests {

    private final TestStack stack;

    OwnerTypeMigrationIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void eachLegacyOwnerBecomesItsKindAndItsIdAndARerunChangesNothing() {
        try (var client = MongoClients.create(stack.mongoUri())) {
            var database = client.getDatabase("flowhub_owners_" + UUID.randomUUID().toString().substring(0, 8));
            var jobs = database.getCollection(CollectionNames.JOBS);
            ObjectId user = new ObjectId();
            jobs.insertMany(java.util.List.of(legacyJob("user", user.toHexString()), legacyJob("key", "key:0a1b2c3d"),
                    legacyJob("schedule", "schedule"), legacyJob("nobody", null)));

            new M007_OwnerTypeBesideOwnerId().apply(database);
            var afterFirst = jobs.find().into(new java.util.ArrayList<>());
            new M007_OwnerTypeBesideOwnerId().apply(database);

            assertThat(jobs.find().into(new java.util.ArrayList<>())).isEqualTo(afterFirst);
            assertThat(jobs.find(owned("user", user.toHexString())).first().getString("operation")).isEqualTo("user");
            assertThat(jobs.find(owned("key", "0a1b2c3d")).first().getString("operation")).isEqualTo("key");
            Document schedule = jobs.find(eq("operation", "schedule")).first();
            assertThat(schedule.getString("owner_type")).isEqualTo("schedule");
            assertThat(schedule.get("owner_id")).isNull();
            assertThat(jobs.find(eq("operation", "nobody")).first().containsKey("owner_type")).isFalse();
            database.drop();
        }
    }

    /** @return a job of this owner, as the job engine's queries name one */
    private static Bson owned(String type, String id) {
        return and(eq("owner_type", type), eq("owner_id", id));
    }

    private static Document legacyJob(String operation, String ownerId) {
        return new Document("_id", new ObjectId()).append("kind", "cleanup").append("operation", operation)
                .append("owner_id", ownerId).append("status", "completed").append("created_at", new Date());
    }
}
