package io.flowhub.store.otp;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Updates.inc;
import static io.flowhub.store.StoreException.translated;

/**
 * The {@code otps} collection: one-time codes, kept only as hashes, one per address and purpose (a new one
 * replaces the old), removed by a TTL index once expired. A try is claimed in the same write that tests the
 * limit, and a code is spent by one delete, so neither guesses at once nor two right codes at once get past.
 */
public class OneTimeCodes {

    /** A claimed try at a code: the hash to compare with, and the id to spend it by. */
    public record Claimed(ObjectId id, String codeHash) {
    }

    private final MongoCollection<Document> codes;
    private final Clock clock;

    public OneTimeCodes(MongoDatabase database, Clock clock) {
        this.codes = database.getCollection(CollectionNames.OTPS);
        this.clock = clock;
    }

    /** Files a code for the address and purpose in place of any before it. @param email the normalised address */
    public void replace(String email, String purpose, String codeHash, Duration ttl) {
        Instant now = clock.instant();
        translated("store a one-time code", () -> {
            codes.deleteMany(and(eq("email", email), eq("purpose", purpose)));
            codes.insertOne(new Document("_id", new ObjectId()).append("email", email).append("purpose", purpose)
                    .append("code_hash", codeHash).append("attempts", 0).append("created_at", Date.from(now))
                    .append("expires_at", Date.from(now.plus(ttl))));
            return null;
        });
    }

    /** @return the newest valid code's hash with one more try counted, or empty when none has a try left */
    public Optional<Claimed> claimTry(String email, String purpose, int maxAttempts) {
        return translated("read a one-time code", () -> Optional.ofNullable(codes.findOneAndUpdate(
                        and(eq("email", email), eq("purpose", purpose), gt("expires_at", Date.from(clock.instant())),
                                lt("attempts", maxAttempts)),
                        inc("attempts", 1),
                        new FindOneAndUpdateOptions().sort(descending("created_at")).returnDocument(ReturnDocument.AFTER)))
                .map(code -> new Claimed(code.getObjectId("_id"), code.getString("code_hash"))));
    }

    /** @return true for the one caller whose delete spent the code */
    public boolean spend(Claimed code) {
        return translated("spend a one-time code", () -> codes.deleteOne(eq("_id", code.id())).getDeletedCount() == 1);
    }
}
