package io.flowhub.cleanup.tags;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.job.RecordsStep;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.LedgerEntry;
import io.flowhub.engine.ProcessedCommands;
import io.flowhub.engine.erasure.ErasureTarget;
import io.flowhub.engine.erasure.ErasureTargets;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.store.run.RunLeases;
import io.flowhub.store.user.UserFields;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

/**
 * The step of a run's hard cleanup after its items: the test identities made under the run, each with what it
 * left beside its items — its jobs (behind tombstones), activity, codes, keys and slots — and then the user
 * records themselves; last, the run's lease ends. Counted and recorded first, then deleted; deleting again finds
 * nothing.
 */
final class RunUsers extends RecordsStep {

    static final String STEP = "run users";

    private final MongoDatabase database;
    private final ProcessedCommands processed;
    private final RunLeases leases;
    private final String runId;
    private final boolean reaped;
    private final List<ErasureTarget> targets = new ArrayList<>();

    /**
     * @param users  the run's test identities, as read when the job's work was made
     * @param reaped whether the schedule started the cleanup because the run's lease ran out (then a lease extended
     *               meanwhile stays), or a caller asked for it (then the run is over whatever its lease said)
     */
    RunUsers(MongoDatabase database, ProcessedCommands processed, RunLeases leases, String runId, List<Document> users,
            JobId job, boolean reaped) {
        this.database = database;
        this.processed = processed;
        this.leases = leases;
        this.runId = runId;
        this.reaped = reaped;
        for (Document user : users) {
            targets.addAll(ErasureTargets.userRecords(new UserId(user.getObjectId(UserFields.ID)), job,
                    user.getString(UserFields.EMAIL), true, true));
        }
        targets.add(ErasureTargets.runUsers(runId));
    }

    /** @return the run's test identities: their ids and addresses */
    static List<Document> of(MongoDatabase database, String runId) {
        return database.getCollection(CollectionNames.USERS).find(eq(UserFields.RUN_ID, runId))
                .projection(include(UserFields.ID, UserFields.EMAIL)).into(new ArrayList<>());
    }

    static List<ObjectId> ids(List<Document> users) {
        return users.stream().map(user -> user.getObjectId(UserFields.ID)).toList();
    }

    @Override
    public String name() {
        return STEP;
    }

    @Override
    public CleanupResult count() {
        return ErasureTarget.countAll(targets, database);
    }

    @Override
    public LedgerEntry settle(LedgerEntry entry) {
        targets.forEach(target -> target.delete(database, processed));
        if (reaped) {
            leases.endIfRunOut(runId);
        } else {
            leases.end(runId);
        }
        return entry;
    }
}
