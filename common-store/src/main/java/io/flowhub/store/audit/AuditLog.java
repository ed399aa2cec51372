package io.flowhub.store.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Sorts.descending;

/**
 * Writes {@code audit_logs}: one entry per internal call, allowed, denied or dry run, plus a
 * structured log line. A reset never touches this collection.
 */
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("io.flowhub.audit");

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public AuditLog(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection(CollectionNames.AUDIT_LOGS);
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        entries.insertOne(new Document("at", Date.from(clock.instant()))
                .append("endpoint", entry.endpoint())
                .append("caller", entry.caller())
                .append("environment", entry.environment())
                .append("params", new Document(entry.params()))
                .append("outcome", entry.outcome())
                .append("counts", entry.counts() == null ? null : new Document(entry.counts()))
                .append("dry_run", entry.dryRun())
                .append("job_id", entry.jobId()));
        log.info("audit endpoint={} caller={} environment={} outcome={} dry_run={} job_id={} counts={} params={}",
                entry.endpoint(), entry.caller(), entry.environment(), entry.outcome(), entry.dryRun(), entry.jobId(),
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
     * @param outcome allowed, denied, dry_run, accepted, failed
     * @param counts  what was (or would be) deleted, or {@code null}
     */
    public record AuditEntry(String endpoint, String caller, String environment, Map<String, Object> params,
                             String outcome, Map<String, Object> counts, boolean dryRun, String jobId) {
    }
}
