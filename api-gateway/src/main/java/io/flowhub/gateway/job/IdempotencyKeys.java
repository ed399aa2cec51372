package io.flowhub.gateway.job;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.JobId;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.job.Job;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Remembers which job an {@code Idempotency-Key} started, per user, with a hash of the request
 * body: the same key and body find the same job; the same key with another body is refused; a key
 * whose job is gone (a reset, a purge) starts a new job. Unique per owner and key; keys expire
 * after a day (a TTL index), and a per-user purge removes the user's.
 */
@Component
class IdempotencyKeys {

    static final int MAX_KEY_LENGTH = 200;

    private final MongoCollection<Document> keys;
    private final Clock clock;

    IdempotencyKeys(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection(CollectionNames.IDEMPOTENCY_KEYS);
        this.clock = clock;
    }

    /**
     * Claims the key for a new job.
     *
     * @param jobs finds a job by id
     * @return empty when the key now points at {@code jobId}; the earlier job when the key was used
     *         before with the same body and its job still exists
     * @throws IdempotencyConflictException when the key was used with another body
     */
    Optional<Job> claim(String ownerId, String key, String requestHash, JobId jobId,
            Function<JobId, Optional<Job>> jobs) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new BadRequestException("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        var sameKey = and(eq("owner_id", ownerId), eq("key", key));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                keys.insertOne(new Document("_id", new ObjectId()).append("owner_id", ownerId).append("key", key)
                        .append("request_hash", requestHash).append("job_id", jobId.value())
                        .append("created_at", Date.from(clock.instant())));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document earlier = keys.find(sameKey).first();
            if (earlier == null) {
                continue;
            }
            if (!requestHash.equals(earlier.getString("request_hash"))) {
                throw new IdempotencyConflictException(key);
            }
            Optional<Job> job = jobs.apply(new JobId(earlier.getObjectId("job_id")));
            if (job.isPresent()) {
                return job;
            }
            // why: the key's job was deleted (a reset, a purge); the key starts a new one
            keys.deleteOne(and(sameKey, eq("_id", earlier.getObjectId("_id"))));
        }
        throw new IllegalStateException("Idempotency-Key " + key + " kept changing while it was claimed");
    }
}
