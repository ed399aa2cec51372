package io.flowhub.store.otp;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.user.Emails;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static io.flowhub.store.StoreException.translated;

/**
 * The {@code otp_outbox} collection: the codes delivered to addresses, in clear, kept outside production only
 * so that a test suite can read the code it asked for; each expires with its code (a TTL index).
 */
public class SentCodes {

    /** A delivered code. */
    public record SentCode(String email, String code, Instant expiresAt) {
    }

    private final MongoCollection<Document> outbox;
    private final Clock clock;

    public SentCodes(MongoDatabase database, Clock clock) {
        this.outbox = database.getCollection(CollectionNames.OTP_OUTBOX);
        this.clock = clock;
    }

    public void keep(String email, String code, Duration ttl) {
        Instant now = clock.instant();
        translated("keep a sent code", () -> outbox.insertOne(new Document("email", email).append("code", code)
                .append("created_at", Date.from(now)).append("expires_at", Date.from(now.plus(ttl)))));
    }

    /** @return the newest code sent to the address, however it is spelled */
    public Optional<SentCode> latest(String email) {
        return translated("read the sent codes", () -> Optional.ofNullable(outbox.find(eq("email",
                        Emails.normalized(email))).sort(descending("created_at")).first())
                .map(sent -> new SentCode(sent.getString("email"), sent.getString("code"),
                        sent.getDate("expires_at").toInstant())));
    }
}
