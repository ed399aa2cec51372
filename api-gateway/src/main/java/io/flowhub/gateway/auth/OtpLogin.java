package io.flowhub.gateway.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.gateway.user.User;
import io.flowhub.gateway.user.UserStore;
import io.flowhub.store.CollectionNames;
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

    OtpLogin(MongoDatabase database, UserStore users, OtpSender sender, PasswordEncoder hashes, AuthSettings settings,
            Clock clock) {
        this.otps = database.getCollection(CollectionNames.OTPS);
        this.users = users;
        this.sender = sender;
        this.hashes = hashes;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends a code when the address has an account; says nothing either way, so addresses cannot be probed. */
    void request(String email) {
        Optional<User> user = users.findByEmail(email);
        if (user.isEmpty()) {
            return;
        }
        String normalized = user.get().email();
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant now = clock.instant();
        otps.deleteMany(and(eq("email", normalized), eq("purpose", LOGIN)));
        otps.insertOne(new Document("_id", new ObjectId())
                .append("email", normalized)
                .append("purpose", LOGIN)
                .append("code_hash", hashes.encode(code))
                .append("attempts", 0)
                .append("created_at", Date.from(now))
                .append("expires_at", Date.from(now.plus(settings.otpTtl()))));
        sender.send(normalized, code);
    }

    /** @return the user the code proves, or an exception that says why it does not */
    User verify(String email, String code) {
        Optional<User> user = users.findByEmail(email);
        Document otp = user.map(found -> otps.find(and(eq("email", found.email()), eq("purpose", LOGIN),
                gt("expires_at", Date.from(clock.instant())))).sort(descending("created_at")).first()).orElse(null);
        if (otp == null) {
            throw new AuthenticationFailedException("No valid code for this address: request a new one");
        }
        if (otp.getInteger("attempts", 0) >= settings.otpMaxAttempts()) {
            otps.deleteOne(eq("_id", otp.getObjectId("_id")));
            throw new TooManyAttemptsException("This code was tried too often: request a new one");
        }
        if (!hashes.matches(code, otp.getString("code_hash"))) {
            // why: the attempt counts even when two wrong codes race, because the filter re-checks the limit
            otps.updateOne(and(eq("_id", otp.getObjectId("_id")), lt("attempts", settings.otpMaxAttempts())),
                    inc("attempts", 1));
            int left = settings.otpMaxAttempts() - otp.getInteger("attempts", 0) - 1;
            throw new AuthenticationFailedException("The code is wrong: " + Math.max(left, 0) + " attempts left");
        }
        otps.deleteOne(eq("_id", otp.getObjectId("_id")));
        return user.get();
    }
}
