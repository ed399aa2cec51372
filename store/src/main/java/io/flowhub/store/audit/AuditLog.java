package io.flowhub.store.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.model.UpdateOptions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.flowhub.store.StoreException.translated;

/**
 * Writes {@code audit_logs}: one entry per internal call that was let in (allowed, denied by the
 * policy, dry run), plus a structured log line, kept for good. Calls refused for their key are
 * counted instead: one row per outcome, client address and minute, with a log line when the row is
 * opened, kept for {@code flowhub.audit.denied-retention} — so a client hammering {@code /internal}
 * without a key cannot grow the log without bound. A reset never touches this collection.
 */
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("io.flowhub.audit");

    private final MongoCollection<Document> entries;
    private final AuditSettings settings;
    private final Clock clock;

    public AuditLog(MongoDatabase database, AuditSettings settings, Clock clock) {
        this.entries = database.getCollection(CollectionNames.AUDIT_LOGS);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts a call refused before it was let in, in the row of its outcome, client and minute.
     *
     * @param outcome one of the {@link AuditOutcome#denied() denials}
     * @param client  the address the call came from
     */
    public void recordRefused(String endpoint, AuditOutcome outcome, String client, String environment) {
        Instant now = clock.instant();
        Date minute = Date.from(now.truncatedTo(ChronoUnit.MINUTES));
        var result = translated("record a refused call", () -> entries.updateOne(
                and(eq("outcome", outcome.wireValue()), eq("client", client), eq("minute", minute)),
                combine(inc("count", 1), set("at", Date.from(now)), set("endpoint", endpoint),
                        setOnInsert("caller", "unknown"), setOnInsert("environment", environment),
                        setOnInsert("dry_run", false), setOnInsert("first_at", Date.from(now)),
                        setOnInsert("expires_at", Date.from(now.plus(settings.deniedRetention())))),
                new UpdateOptions().upsert(true)));
        if (result.getUpsertedId() != null) {
            log.info("audit endpoint={} caller=unknown client={} environment={} outcome={} (calls like it this minute"
                    + " are counted in the same row)", endpoint, client, environment, outcome.wireValue());
        }
    }

    public void record(AuditEntry entry) {
        entries.insertOne(new Document("at", Date.from(clock.instant()))
                .append("endpoint", entry.endpoint())
                .append("caller", entry.caller())
                .append("environment", entry.environment())
                .append("params", new Document(entry.params()))
                .append("outcome", entry.outcome().wireValue())
                .append("counts", entry.counts() == null ? null : new Document(new LinkedHashMap<String, Object>(entry.counts())))
                .append("dry_run", entry.dryRun())
                .append("job_id", entry.jobId()));
        log.info("audit endpoint={} caller={} environment={} outcome={} dry_run={} job_id={} counts={} params={}",
                entry.endpoint(), entry.caller(), entry.environment(), entry.outcome().wireValue(), entry.dryRun(), entry.jobId(),
                entry.counts(), entry.params());
    }

    /** @return the newest entries first */
    public List<Document> newest(int limit) {
        return entries.find().sort(descending("at", "_id")).limit(limit).into(new ArrayList<>());
    }

    /**
     * One internal call.
     *
     * @param caller  who called: the key's id, never the key
     * @param outcome how the call ended
     * @param counts  what was (or would be) deleted, per collection and files, or {@code null}
     */
    public record AuditEntry(String endpoint, String caller, String environment, Map<String, Object> params,
                             AuditOutcome outcome, Map<String, Long> counts, boolean dryRun, String jobId) {
    }
}
