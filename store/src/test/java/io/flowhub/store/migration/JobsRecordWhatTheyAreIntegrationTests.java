package io.flowhub.store.migration;

import com.mongodb.client.MongoClients;
import io.flowhub.store.CollectionNames;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs recorded before a job said what it is get it from their command once: a hard tag cleanup deletes
 * for good, a soft one and a bulk job do not, a cleanup whose command is gone counts as one that does
 * (never offered an undo), an undo names the job it reverses; a rerun changes nothing.
 */
@ExtendWith(FlowHubStackExtension.class)
class JobsRecordWhatTheyAreIntegrationTests {

    private static final String UNDONE = "665f1f77bcf86cd799439011";

    private final TestStack stack;

    JobsRecordWhatTheyAreIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void eachLegacyJobGetsWhatItIsFromItsCommandOnce() {
        try (var client = MongoClients.create(stack.mongoUri())) {
            var database = client.getDatabase("flowhub_nature_" + UUID.randomUUID().toString().substring(0, 8));
            var jobs = database.getCollection(CollectionNames.JOBS);
            jobs.insertMany(List.of(
                    legacy("hard", "cleanup", "cleanup_by_tags", tagCleanup(true)),
                    legacy("soft", "cleanup", "cleanup_by_tags", tagCleanup(false)),
                    legacy("lost", "cleanup", "purge_item", null),
                    legacy("bulk", "bulk", "delete", "{\"type\":\"SoftDeleteItems\"}"),
                    legacy("undo", "bulk", "undo", "{\"type\":\"UndoJob\",\"schema_version\":1,\"command_id\":\""
                            + UUID.randomUUID() + "\",\"undoes\":\"" + UNDONE + "\"}")));

            new M013_JobsRecordWhatTheyAre().apply(database);
            var afterFirst = jobs.find().into(new ArrayList<>());
            new M013_JobsRecordWhatTheyAre().apply(database);

            assertThat(jobs.find().into(new ArrayList<>())).isEqualTo(afterFirst);
            assertThat(field(jobs, "hard")).containsEntry("deletes_for_good", true).containsEntry("undoes", null);
            assertThat(field(jobs, "soft")).containsEntry("deletes_for_good", false);
            assertThat(field(jobs, "lost")).containsEntry("deletes_for_good", true);
            assertThat(field(jobs, "bulk")).containsEntry("deletes_for_good", false).containsEntry("undoes", null);
            assertThat(field(jobs, "undo")).containsEntry("undoes", new ObjectId(UNDONE));
            database.drop();
        }
    }

    private static Document field(com.mongodb.client.MongoCollection<Document> jobs, String name) {
        return jobs.find(eq("name", name)).first();
    }

    private static String tagCleanup(boolean hard) {
        return "{\"type\":\"CleanupByTags\",\"schema_version\":1,\"command_id\":\"" + UUID.randomUUID()
                + "\",\"tags\":[\"t\"],\"hard_delete\":" + hard + "}";
    }

    private static Document legacy(String name, String kind, String operation, String command) {
        return new Document("_id", new ObjectId()).append("name", name).append("kind", kind)
                .append("operation", operation).append("command", command).append("status", "completed")
                .append("created_at", new Date());
    }
}
