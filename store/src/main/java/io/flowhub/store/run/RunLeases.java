package io.flowhub.store.run;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.store.CollectionNames;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.flowhub.store.StoreException.translated;

/**
 * The {@code runs} collection: a test run's lease. A suite sets or extends it while it lives; once it runs
 * out, cleanup-worker cleans the run up, so a run killed before its own cleanup leaves nothing for long. A
 * run's hard cleanup ends its lease. Each write is one upsert, so gateways and workers need no agreement.
 */
public class RunLeases {

    /** A run's lease as stored. */
    public record Lease(String runId, Instant createdAt, Instant lastActivityAt, Instant expiresAt) {
    }

    private final MongoCollection<Document> runs;
    private final Clock clock;

    public RunLeases(MongoDatabase database, Clock clock) {
        this.runs = database.getCollection(CollectionNames.RUNS);
        this.clock = clock;
    }

    /** Sets the run's lease to end {@code ttl} from now, shorter or longer than it was: the key holder's word. */
    public Lease lease(String runId, Duration ttl) {
        Instant now = clock.instant();
        return upsert(runId, now, set("expires_at", Date.from(now.plus(ttl))));
    }

    /**
     * Extends the run's lease to at least {@code ttl} from now, or starts one; never shortens it, so that a call
     * that names another suite's run cannot bring its cleanup forward.
     */
    public Lease extend(String runId, Duration ttl) {
        Instant now = clock.instant();
        return upsert(runId, now, max("expires_at", Date.from(now.plus(ttl))));
    }

    public Optional<Lease> find(String runId) {
        return translated("read a run's lease", () -> Optional.ofNullable(runs.find(eq("_id", runId)).first())
                .map(RunLeases::toLease));
    }

    /** @return every lease, soonest to run out first */
    public List<Lease> list() {
        return translated("read the runs' leases", () -> runs.find().sort(ascending("expires_at"))
                .map(RunLeases::toLease).into(new ArrayList<>()));
    }

    /** @return the leases that have run out by now */
    public List<Lease> expired() {
        return translated("read the runs' leases", () -> runs.find(lte("expires_at", Date.from(clock.instant())))
                .map(RunLeases::toLease).into(new ArrayList<>()));
    }

    /**
     * Ends a lease that has run out, as the cleanup it started finishes; a lease extended meanwhile (the suite was
     * alive after all) stays. Safe to repeat.
     */
    public void endIfRunOut(String runId) {
        translated("end a run's lease", () -> runs.deleteOne(and(eq("_id", runId),
                lte("expires_at", Date.from(clock.instant())))));
    }

    /** Ends the lease whatever it says: the run was cleaned up on request. */
    public void end(String runId) {
        translated("end a run's lease", () -> runs.deleteOne(eq("_id", runId)));
    }

    private Lease upsert(String runId, Instant now, org.bson.conversions.Bson expiry) {
        return translated("lease a run", () -> toLease(runs.findOneAndUpdate(eq("_id", runId),
                combine(expiry, set("last_activity_at", Date.from(now)), setOnInsert("created_at", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))));
    }

    private static Lease toLease(Document run) {
        return new Lease(run.getString("_id"), instant(run, "created_at"), instant(run, "last_activity_at"),
                instant(run, "expires_at"));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
