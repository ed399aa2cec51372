package io.flowhub.testing;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;

/** Waiting for a job to end, through the API or in its stored document, as every module's tests do. */
public final class FinishedJobs {

    /** Long enough for any job a test starts on this machine's two cores; a job that takes longer is a failure. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> ENDED = List.of("completed", "failed", "cancelled");

    private FinishedJobs() {
    }

    /** @return the job as {@code GET /api/v1/jobs/{id}} shows it to {@code client}, once it has ended */
    public static JsonNode awaitEnded(GatewayClient client, String jobId) {
        return awaitEndedAt(client, "/api/v1/jobs/" + jobId);
    }

    /** @return the job as the internal API shows it, once it has ended */
    public static JsonNode awaitEndedInternally(GatewayClient internal, String jobId) {
        return awaitEndedAt(internal, "/api/v1/internal/jobs/" + jobId);
    }

    /** @param path where the job is shown, {@code /api/v1/bulk-operations/{id}} (the seed's address) among them */
    public static JsonNode awaitEndedAt(GatewayClient client, String path) {
        return await().atMost(TIMEOUT).until(() -> client.get(path).data(),
                job -> job != null && ENDED.contains(job.get("status").asString()));
    }

    /** @return the job's stored document, or {@code null} when there is none */
    public static Document document(MongoDatabase database, ObjectId jobId) {
        return database.getCollection("jobs").find(eq("_id", jobId)).first();
    }

    /** @return the job's stored document, once it has ended */
    public static Document awaitEndedDocument(MongoDatabase database, ObjectId jobId) {
        return await().atMost(TIMEOUT).until(() -> document(database, jobId),
                job -> job != null && ENDED.contains(job.getString("status")));
    }
}
