package io.flowhub.cleanup.file;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import io.flowhub.engine.JobQueries;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A purge whose worker died after claiming a batch (its items marked {@code deleting_job}) and that was then
 * cancelled, failed or deleted — the remedy the console, the command line and the stuck-job alert offer — must not
 * keep those items out of every later cleanup's and the item API's reach: the next cleanup of those items takes the
 * claims over, and the claims are released once the job's lease has run out.
 */
@ExtendWith(FlowHubStackExtension.class)
class EndedClaimsIntegrationTests {

    private final TestStack stack;

    EndedClaimsIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aPurgeTakesOverTheClaimsOfACancelledPurgeAndDeletesEveryItemOfTheUser() {
        TestUser user = stack.newEditor();
        List<ObjectId> ids = itemsOf(user, 30);
        ObjectId cancelled = claimedByAnEndedPurge(user, ids.subList(0, 12), "cancelled", Instant.now());

        var purge = stack.internal().delete("/api/v1/internal/users/" + user.id() + "/data");

        assertThat(purge.status()).as(purge.text()).isEqualTo(200);
        assertThat(purge.json().get("deleted").get("items").asLong()).isEqualTo(30);
        assertThat(stack.database().getCollection("items").countDocuments(in("_id", ids))).isZero();
        assertThat(stack.database().getCollection("items").countDocuments(eq("deleting_job", cancelled))).isZero();
    }

    @Test
    void aPurgeTakesOverTheClaimsOfACancelledPurgeAlsoWhenMoreJobsAreNotedThanItReads() {
        // past so many notes the purge asks the items which jobs hold claims there, as it did before it read notes
        TestUser user = stack.newEditor();
        List<ObjectId> ids = itemsOf(user, 20);
        ObjectId cancelled = claimedByAnEndedPurge(user, ids.subList(0, 8), "cancelled", Instant.now());
        List<ObjectId> running = Stream.generate(ObjectId::new).limit(ItemDeleter.NOTES_READ).toList();
        Date now = new Date();
        stack.database().getCollection("jobs").insertMany(running.stream().map(id -> new Document("_id", id)
                .append("kind", "cleanup").append("operation", "cleanup_tag")
                .append("command_id", UUID.randomUUID().toString()).append("status", "running")
                .append("worker_id", "a-worker-elsewhere").append("heartbeat_at", now).append("created_at", now)
                .append("updated_at", now)).toList());
        stack.database().getCollection("item_claims").insertMany(running.stream()
                .map(id -> new Document("_id", id).append("since", now)).toList());
        try {
            var purge = stack.internal().delete("/api/v1/internal/users/" + user.id() + "/data");

            assertThat(purge.status()).as(purge.text()).isEqualTo(200);
            assertThat(purge.json().get("deleted").get("items").asLong()).isEqualTo(20);
            assertThat(stack.database().getCollection("items").countDocuments(eq("deleting_job", cancelled))).isZero();
        } finally {
            stack.database().getCollection("item_claims").deleteMany(in("_id", running));
            stack.database().getCollection("jobs").deleteMany(in("_id", running));
        }
    }

    @Test
    void theItemsNameAJobHoldingClaimsThatNoNoteNames() {
        // what a worker paused past its lease leaves: a claim written after its job's note went
        TestUser user = stack.newEditor();
        List<ObjectId> ids = itemsOf(user, 3);
        ObjectId unnoted = new ObjectId();
        stack.database().getCollection("items").updateMany(in("_id", ids), set("deleting_job", unnoted));
        try {
            var claims = new ItemClaims(stack.database(), new JobQueries(stack.database(), Clock.systemUTC()),
                    Clock.systemUTC());

            assertThat(claims.claimants(Integer.MAX_VALUE)).contains(unnoted);
        } finally {
            stack.database().getCollection("items").deleteMany(in("_id", ids));
        }
    }

    @Test
    void theClaimsOfACancelledJobAreReleasedOnceItsLeaseRanOutAndTheItemApiMayChangeTheItemsAgain() {
        TestUser user = stack.newEditor();
        List<ObjectId> ids = itemsOf(user, 5);
        ObjectId cancelled = claimedByAnEndedPurge(user, ids, "cancelled", Instant.now().minus(Duration.ofMinutes(5)));

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.database().getCollection("items")
                .countDocuments(and(in("_id", ids), exists("deleting_job"))) == 0);
        var renamed = user.gateway().patch("/api/v1/items/" + ids.getFirst().toHexString(), "{\"name\":\"mine again\"}");

        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(stack.database().getCollection("items").countDocuments(in("_id", ids))).isEqualTo(5);
        assertThat(stack.database().getCollection("item_claims").countDocuments(eq("_id", cancelled))).isZero();
    }

    @Test
    void theClaimsOfAJobThatWasDeletedAreReleased() {
        TestUser user = stack.newEditor();
        List<ObjectId> ids = itemsOf(user, 4);
        ObjectId gone = claimedByAnEndedPurge(user, ids, "cancelled", Instant.now().minus(Duration.ofMinutes(5)));
        stack.database().getCollection("jobs").deleteOne(eq("_id", gone));

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.database().getCollection("items")
                .countDocuments(and(in("_id", ids), exists("deleting_job"))) == 0);
        assertThat(stack.database().getCollection("items").countDocuments(in("_id", ids))).isEqualTo(4);
    }

    @Test
    void aBatchAFailedJobRecordedBeforeItStoppedIsDeletedBeforeItsOtherClaimsAreReleased() {
        TestUser user = stack.newEditor();
        List<ObjectId> ids = itemsOf(user, 6);
        ObjectId failed = claimedByAnEndedPurge(user, ids, "failed", Instant.now().minus(Duration.ofMinutes(5)));
        // why: its first batch, the first three items, reached the ledger (its commit point) before the job stopped
        stack.database().getCollection("job_ledger").insertOne(new Document("_id", new ObjectId()).append("job_id", failed)
                .append("batch", 1).append("operation", "purge_user_data").append("owner_id", "test")
                .append("target_user_id", user.id()).append("item_ids", ids.subList(0, 3))
                .append("counts", new Document("processed", 3L)).append("errors", List.of())
                .append("deleted", new Document("items", 3L).append("files", 0L))
                .append("through", new Document("batch", 1).append("step", "items").append("cursor", 3L)
                        .append("resume_after", ids.get(2)))
                .append("at", new Date()));

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.database().getCollection("items")
                .countDocuments(and(in("_id", ids), exists("deleting_job"))) == 0);

        assertThat(stack.database().getCollection("items").countDocuments(in("_id", ids.subList(0, 3)))).isZero();
        assertThat(stack.database().getCollection("items").countDocuments(in("_id", ids.subList(3, 6)))).isEqualTo(3);
    }

    private List<ObjectId> itemsOf(TestUser user, int count) {
        return anItem().createIn(user.gateway(), count).stream().map(ObjectId::new).sorted().toList();
    }

    /**
     * @return a purge of the user, in the state a worker leaves that died after claiming {@code claimed} and whose
     *         job was then ended (cancelled or failed) at {@code endedAt}
     */
    private ObjectId claimedByAnEndedPurge(TestUser user, List<ObjectId> claimed, String status, Instant endedAt) {
        ObjectId jobId = new ObjectId();
        var database = stack.database();
        database.getCollection("item_claims").insertOne(new Document("_id", jobId).append("since", Date.from(endedAt)));
        database.getCollection("items").updateMany(in("_id", new ArrayList<>(claimed)), set("deleting_job", jobId));
        database.getCollection("jobs").insertOne(new Document("_id", jobId).append("kind", "cleanup")
                .append("operation", "purge_user_data").append("owner_type", "key").append("owner_id", "test")
                .append("target_user_id", user.id()).append("command_id", UUID.randomUUID().toString())
                .append("status", status).append("attempts", 1).append("worker_id", "worker-that-died")
                .append("heartbeat_at", Date.from(endedAt)).append("batches", 0).append("cursor", 0L)
                .append("total_items", 0L).append("created_at", Date.from(endedAt))
                .append("updated_at", Date.from(endedAt)).append("finished_at", Date.from(endedAt)));
        return jobId;
    }
}
