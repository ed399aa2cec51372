package io.flowhub.gateway.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.gateway.system.AuthenticationFailedException;
import io.flowhub.gateway.user.User;
import io.flowhub.gateway.user.UserStore;
import io.flowhub.store.CollectionNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Updates.inc;

/**
 * Sign-in with a 6-digit one-time code: stored only as a hash, valid for a limited time (a TTL
 * index removes it afterwards), spent after too many wrong tries. A new request replaces the old code.
 * Whether an address has an account shows neither in an answer nor in its time: an unknown address
 * costs the same hashing as a known one.
 */
@Component
class OtpLogin {

    static final String LOGIN = "login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> otps;
    private final UserStore users;
    private final OtpSender sender;
    private final PasswordEncoder hashes;
    private final AuthSettings settings;
    private final Clock clock;
    private final Counter checks;
    /** why: compared against when there is no code, so that a refusal costs the same either way */
    private final String noCodeHash;
    private final String refused;

    OtpLogin(MongoDatabase database, UserStore users, OtpSender sender, PasswordEncoder hashes, AuthSettings settings,
            Clock clock, MeterRegistry meters) {
        this.otps = database.getCollection(CollectionNames.OTPS);
        this.users = users;
        this.sender = sender;
        this.hashes = hashes;
        this.settings = settings;
        this.clock = clock;
        this.checks = Counter.builder("flowhub.auth.code.checks")
                .description("One-time codes compared with a stored code's hash").register(meters);
        this.noCodeHash = hashes.encode("%06d".formatted(RANDOM.nextInt(1_000_000)));
        this.refused = "The code is wrong or no longer valid (a code lasts %d minutes and %d tries): check it, or "
                .formatted(settings.otpTtl().toMinutes(), settings.otpMaxAttempts()) + "request a new one";
    }

    /** Sends a code when the address has an account; says nothing either way, so addresses cannot be probed. */
    void request(String email) {
        Optional<User> user = users.findByEmail(email);
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        String codeHash = hashes.encode(code);
        if (user.isEmpty()) {
            return;
        }
        String normalized = user.get().email();
        Instant now = clock.instant();
        otps.deleteMany(and(eq("email", normalized), eq("purpose", LOGIN)));
        otps.insertOne(new Document("_id", new ObjectId())
                .append("email", normalized)
                .append("purpose", LOGIN)
                .append("code_hash", codeHash)
                .append("attempts", 0)
                .append("created_at", Date.from(now))
                .append("expires_at", Date.from(now.plus(settings.otpTtl()))));
        sender.send(normalized, code);
    }

    /** @return the user the code proves, or an exception that says it proves nobody */
    User verify(String email, String code) {
        Optional<User> user = users.findByEmail(email);
        // why: the attempt is counted before the code is compared, in one write whose filter holds the limit, so
        // however many guesses arrive at once, no more than the allowed tries are ever compared with the code
        Document claimed = user.map(found -> otps.findOneAndUpdate(
                        and(eq("email", found.email()), eq("purpose", LOGIN),
                                gt("expires_at", Date.from(clock.instant())), lt("attempts", settings.otpMaxAttempts())),
                        inc("attempts", 1),
                        new FindOneAndUpdateOptions().sort(descending("created_at")).returnDocument(ReturnDocument.AFTER)))
                .orElse(null);
        if (claimed != null) {
            checks.increment();
        }
        boolean matches = hashes.matches(code, claimed == null ? noCodeHash : claimed.getString("code_hash"));
        if (claimed == null || !matches) {
            throw new AuthenticationFailedException(refused);
        }
        // why: a code signs in once: of two right guesses at the same moment, only the one that deletes it wins
        if (otps.deleteOne(eq("_id", claimed.getObjectId("_id"))).getDeletedCount() == 0) {
            throw new AuthenticationFailedException(refused);
        }
        return user.get();
    }
}
