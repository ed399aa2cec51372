package io.flowhub.engine.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.CleanupRun;
import io.flowhub.events.ContractJson;
import io.flowhub.events.PurgeItem;
import io.flowhub.events.PurgeUserData;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.engine.erasure.ErasureTargets;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.item.ItemChanges;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobQueries;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.store.item.ItemFields.FILE_PATH;
import static io.flowhub.store.item.ItemFields.ID;
import static io.flowhub.store.item.ItemFields.PLAN_IDS;

/**
 * The {@code plans} a destructive call's dry run leaves when asked ({@code plan=true}): the command,
 * and its items marked with the plan's id in one write, so that an apply takes exactly those
 * ({@link ErasureTargets#planned}). A plan can be applied for {@link #KEPT}; an expired one answers as
 * gone for a day, then is deleted. The marks go once the plan is spent ({@link #clearSpentMarks}).
 */
public class Plans {

    /** How long a plan can be applied. */
    public static final Duration KEPT = Duration.ofHours(1);
    /** How many item ids a plan shows. */
    public static final int SAMPLE = 10;

    static final String DELETE_AFTER = "delete_after";
    static final String MARKS_CLEARED = "marks_cleared";
    private static final Duration EXPIRY_GRACE = Duration.ofMinutes(5);
    private static final int SWEEP_BATCH = 100;
    private static final Duration GONE_FOR = Duration.ofDays(1);

    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> items;
    private final Holds holds;
    private final Clock clock;

    public Plans(MongoDatabase database, Clock clock) {
        this.plans = database.getCollection(CollectionNames.PLANS);
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.holds = new Holds(database, clock);
        this.clock = clock;
    }

    /** @return true for a command a plan can freeze: one that deletes items chosen by who, what or which */
    public static boolean plannable(CleanupCommand command) {
        return command instanceof PurgeUserData || command instanceof CleanupByTags || command instanceof CleanupRun
                || command instanceof PurgeItem;
    }

    /**
     * Freezes what the command would do now: marks the items it would touch and records the plan.
     *
     * @param command   the command as an apply runs it: not a dry run, without a job id
     * @param createdBy who asked, as the audit names callers
     */
    public Plan create(CleanupCommand command, String createdBy) {
        if (!plannable(command) || command.dryRun()) {
            throw new IllegalArgumentException(command.operation().wireValue() + " cannot be planned");
        }
        ObjectId id = new ObjectId();
        Bson chosen = ErasureTargets.items(command).orElseThrow();
        // why: a held item is never planned, as it is never deleted; the apply leaves it alone all the same
        Bson touched = and(command.deletesForGood() ? chosen : and(chosen, ItemChanges.active()),
                holds.notHeld());
        Instant now = clock.instant();
        return translated("create a plan", () -> {
            items.updateMany(touched, addToSet(PLAN_IDS, id));
            Bson marked = eq(PLAN_IDS, id);
            long count = items.countDocuments(marked);
            long files = items.countDocuments(and(marked, exists(FILE_PATH, true), ne(FILE_PATH, null)));
            var sample = new ArrayList<String>();
            items.find(marked).projection(include(ID)).sort(ascending(ID)).limit(SAMPLE)
                    .forEach(item -> sample.add(item.getObjectId(ID).toHexString()));
            var plan = new Plan(id, command.operation().wireValue(), ContractJson.mapper().writeValueAsString(command),
                    count, files, sample, createdBy, now, now.plus(KEPT), null);
            plans.insertOne(toDocument(plan));
            return plan;
        });
    }

    public Optional<Plan> find(ObjectId id) {
        return translated("read plan " + id, () -> Optional.ofNullable(plans.find(eq("_id", id)).first())
                .map(Plans::toPlan));
    }

    /**
     * @param candidate the job that would apply the plan, if none has yet
     * @return the job that applies it: {@code candidate} when this is the first apply, the first's otherwise
     */
    public JobId claim(Plan plan, JobId candidate) {
        return translated("claim plan " + plan.id(), () -> {
            Document claimed = plans.findOneAndUpdate(and(eq("_id", plan.id()), eq("applied_job", null)),
                    set("applied_job", candidate.value()), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (claimed != null) {
                return candidate;
            }
            Document first = plans.find(eq("_id", plan.id())).first();
            return new JobId(first.getObjectId("applied_job"));
        });
    }

    /**
     * Takes the marks of spent plans off their items, so that nothing a plan wrote outlives it: a plan
     * whose apply job finished, and one expired (a grace later, so that an apply let in at the last
     * moment has its job) that no unfinished apply job still reads. Safe to repeat and to run on several
     * workers at once: each is one {@code $pull} and one flag.
     *
     * @return how many plans' marks were taken off
     */
    public int clearSpentMarks(JobQueries jobs) {
        Instant now = clock.instant();
        return translated("clear the marks of spent plans", () -> {
            List<Document> candidates = plans.find(and(ne(MARKS_CLEARED, true),
                            or(ne("applied_job", null), lt("expires_at", Date.from(now.minus(EXPIRY_GRACE))))))
                    .projection(include("_id", "applied_job", "expires_at")).limit(SWEEP_BATCH).into(new ArrayList<>());
            Map<JobId, Job> appliers = jobs.findAll(candidates.stream().map(plan -> plan.getObjectId("applied_job"))
                    .filter(Objects::nonNull).map(JobId::new).toList());
            int cleared = 0;
            for (Document plan : candidates) {
                ObjectId applied = plan.getObjectId("applied_job");
                Job applier = applied == null ? null : appliers.get(new JobId(applied));
                boolean expired = plan.getDate("expires_at").toInstant().isBefore(now.minus(EXPIRY_GRACE));
                boolean spent = applier != null ? applier.status().isFinished() : expired;
                if (spent) {
                    ObjectId id = plan.getObjectId("_id");
                    items.updateMany(eq(PLAN_IDS, id), pull(PLAN_IDS, id));
                    plans.updateOne(eq("_id", id), set(MARKS_CLEARED, true));
                    cleared++;
                }
            }
            return cleared;
        });
    }

    private Document toDocument(Plan plan) {
        return new Document("_id", plan.id()).append("operation", plan.operation()).append("command", plan.commandJson())
                .append("counts", new Document("items", plan.items()).append("files", plan.files()))
                .append("sample", plan.sample()).append("created_by", plan.createdBy())
                .append("created_at", Date.from(plan.createdAt())).append("expires_at", Date.from(plan.expiresAt()))
                .append(DELETE_AFTER, Date.from(plan.expiresAt().plus(GONE_FOR))).append("applied_job", null);
    }

    private static Plan toPlan(Document document) {
        Document counts = document.get("counts", new Document());
        ObjectId applied = document.getObjectId("applied_job");
        return new Plan(document.getObjectId("_id"), document.getString("operation"), document.getString("command"),
                ((Number) counts.get("items", 0L)).longValue(), ((Number) counts.get("files", 0L)).longValue(),
                document.getList("sample", String.class, List.of()), document.getString("created_by"),
                document.getDate("created_at").toInstant(), document.getDate("expires_at").toInstant(),
                applied == null ? null : new JobId(applied));
    }
}
