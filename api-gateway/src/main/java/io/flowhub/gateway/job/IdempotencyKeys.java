package io.flowhub.gateway.job;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Remembers which job an {@code Idempotency-Key} started, per user, with a hash of the request
 * body: the same key and body find the same job; the same key with another body is refused.
 * Keys expire after a day (a TTL index).
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
     * @return empty when the key is new and now points at {@code jobId}; the earlier job's id when
     *         the key was used before with the same body
     * @throws IdempotencyConflictException when the key was used with another body
     */
    Optional<ObjectId> claim(String ownerId, String key, String requestHash, ObjectId jobId) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new BadRequestException("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String id = ownerId + ":" + key;
        try {
            keys.insertOne(new Document("_id", id).append("request_hash", requestHash).append("job_id", jobId)
                    .append("created_at", Date.from(clock.instant())));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document earlier = keys.find(eq("_id", id)).first();
            if (earlier == null || !requestHash.equals(earlier.getString("request_hash"))) {
                throw new IdempotencyConflictException(key);
            }
            return Optional.of(earlier.getObjectId("job_id"));
        }
    }

    /** Frees a key whose job could not be started, so that the client may retry with it. */
    void release(String ownerId, String key) {
        keys.deleteOne(eq("_id", ownerId + ":" + key));
    }
}
