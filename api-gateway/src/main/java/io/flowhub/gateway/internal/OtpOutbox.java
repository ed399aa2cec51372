package io.flowhub.gateway.internal;

import io.flowhub.store.user.Emails;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.gateway.auth.OtpSender;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.policy.Environment;
import io.flowhub.store.policy.EnvironmentPolicy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;

/**
 * A mailbox for test suites outside production: delivered one-time codes are kept here (expiring
 * with the code) for {@code GET /internal/otps/latest}, and logged in development and test. The
 * {@code otps} collection itself keeps only hashes. In production nothing is kept.
 */
class OtpOutbox implements OtpSender {

    private static final Logger log = LoggerFactory.getLogger(OtpOutbox.class);

    private final MongoCollection<Document> outbox;
    private final EnvironmentPolicy policy;
    private final Duration ttl;
    private final Clock clock;

    OtpOutbox(MongoDatabase database, EnvironmentPolicy policy, Duration ttl, Clock clock) {
        this.outbox = database.getCollection(CollectionNames.OTP_OUTBOX);
        this.policy = policy;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void send(String email, String code) {
        Environment environment = policy.environment();
        if (!environment.keepsOneTimeCodesForTests()) {
            log.warn("A one-time code was requested for {}, but no OtpSender is configured to deliver it", email);
            return;
        }
        outbox.insertOne(new Document("email", email).append("code", code)
                .append("created_at", Date.from(clock.instant()))
                .append("expires_at", Date.from(clock.instant().plus(ttl))));
        if (environment.logsOneTimeCodes()) {
            log.info("One-time code for {}: {} (logged because flowhub.environment={})", email, code,
                    environment.wireValue());
        }
    }

    Optional<Document> latest(String email) {
        return Optional.ofNullable(outbox.find(eq("email", Emails.normalized(email)))
                .sort(descending("created_at")).first());
    }
}
