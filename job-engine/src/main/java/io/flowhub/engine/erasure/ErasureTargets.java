package io.flowhub.engine.erasure;

import io.flowhub.events.ApplyPlan;
import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.CleanupRun;
import io.flowhub.events.PurgeItem;
import io.flowhub.events.PurgeSoftDeleted;
import io.flowhub.events.PurgeUserData;
import io.flowhub.events.ResetAll;
import io.flowhub.events.SweepOrphanFiles;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.item.ItemSelection;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.JobQueries;
import io.flowhub.engine.Owner;
import io.flowhub.store.user.Pseudonyms;
import io.flowhub.store.user.Role;
import io.flowhub.store.user.UserFields;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;
import static io.flowhub.store.item.ItemFields.CREATED_BY;
import static io.flowhub.store.item.ItemFields.DELETED_AT;
import static io.flowhub.store.item.ItemFields.ID;
import static io.flowhub.store.item.ItemFields.IS_ACTIVE;
import static io.flowhub.store.item.ItemFields.PLAN_IDS;

/**
 * What each hard delete removes, in one place: the cleanup worker deletes by it, and an erasure
 * receipt looks again by it for anything left.
 */
public final class ErasureTargets {

    /**
     * How a per-user purge treats each collection, in words an operator can check: every collection of
     * {@link CollectionNames} is here ({@code PurgeTreatmentTests} fails the build when one is added
     * without a line), and what a purge leaves is said as plainly as what it removes.
     */
    public static final Map<String, String> PURGE_TREATMENT = Map.ofEntries(
            Map.entry(CollectionNames.USERS, "kept: the user record stays, as the seed's contract says (a test identity of a run goes"
                    + " with its run's cleanup)"),
            Map.entry(CollectionNames.ITEMS, "deleted: the user's items, a batch at a time, with their files"),
            Map.entry(CollectionNames.OTPS, "deleted: the codes filed under the user's address (include_otp)"),
            Map.entry(CollectionNames.OTP_OUTBOX, "deleted: the codes sent to the user's address (include_otp)"),
            Map.entry(CollectionNames.JOBS, "deleted: the user's jobs; the purge's own stays, naming the user by id;"
                    + " other owners' jobs lose the failures and finished positions naming the user's items, and those"
                    + " items' ids in the commands they keep (each becomes an id no item has, keeping the list's"
                    + " length); the tags such a command filtered by are its sender's, and stay"),
            Map.entry(CollectionNames.ACTIVITY_LOGS, "deleted: the user's entries, and other callers' entries about the"
                    + " user's items (include_activity_logs)"),
            Map.entry(CollectionNames.JOB_LEDGER, "deleted: the user's own jobs' entries (include_activity_logs);"
                    + " other owners' entries lose the user's item ids and the tag changes that named only those items"
                    + " and the finished positions naming them (erased_at marks them)"),
            Map.entry(CollectionNames.IDEMPOTENCY_KEYS, "deleted: the user's keys"),
            Map.entry(CollectionNames.RATE_LIMITS, "deleted: the sign-in buckets filed under the address's pseudonym"),
            Map.entry(CollectionNames.LIMIT_SLOTS, "deleted: the user's job-cap and event-stream slots"),
            Map.entry(CollectionNames.AUDIT_LOGS, "kept: callers by key fingerprint or user id, addresses by"
                    + " pseudonym only, never in clear"),
            Map.entry(CollectionNames.PROCESSED_COMMANDS, "kept: command and job ids only"),
            Map.entry(CollectionNames.ITEM_CLAIMS, "kept: job ids only; the claims themselves go with the items"),
            Map.entry(CollectionNames.FILE_REMOVALS, "kept until retried: paths of files a delete could not remove,"
                    + " which the orphan sweep removes"),
            Map.entry(CollectionNames.PLANS, "kept until they expire (a day after the hour they can be applied),"
                    + " without the user's item ids in their commands and samples; a plan made to purge the user"
                    + " names the user by id, as the kept user record does"),
            Map.entry(CollectionNames.JOB_OUTBOX, "kept: job ids only, until Kafka has the command"),
            Map.entry(CollectionNames.DLT_REPLAYS, "kept: topic positions only"),
            Map.entry(CollectionNames.RUNS, "not personal: run ids and their lease times; a run's hard cleanup ends"
                    + " its lease"),
            Map.entry(CollectionNames.HOLDS, "kept: a hold outlives a purge, whose held items it keeps too; it names"
                    + " items and users by id, with the operator's reason"),
            Map.entry(CollectionNames.HEALTH_CHECKS, "not personal: the services' own probes"),
            Map.entry(CollectionNames.SCHEMA_MIGRATIONS, "not personal: which migrations ran"));

    private ErasureTargets() {
    }

    /** @return the items of one user */
    public static Bson itemsOf(UserId user) {
        return eq(CREATED_BY, user.value());
    }

    /** @return items soft-deleted more than {@code days} days before {@code now} */
    public static Bson softDeletedBefore(Instant now, int days) {
        return and(eq(IS_ACTIVE, false), lt(DELETED_AT, Date.from(now.minus(Duration.ofDays(days)))));
    }

    /**
     * @param purge the purge's own job, which stays (with its ledger) to report what it did
     * @param email the user's address, by which one-time codes are filed; {@code null} when the user
     *              record is gone, so the codes cannot be found (they expire within minutes anyway)
     * @return what a purge removes after the user's items
     */
    public static List<ErasureTarget> userRecords(PurgeUserData command, JobId purge, String email) {
        return userRecords(UserId.parse(command.userId()), purge, email, command.includeOtps(),
                command.includeActivityLogs());
    }

    /**
     * @param otpsToo     whether the codes filed under the address go too
     * @param activityToo whether the user's activity entries and own jobs' ledgers go too
     * @return what removing one user's data takes beside its items, the user record aside
     */
    public static List<ErasureTarget> userRecords(UserId user, JobId purge, String email, boolean otpsToo,
            boolean activityToo) {
        var targets = new ArrayList<ErasureTarget>();
        targets.add(new ErasureTarget(CollectionNames.JOBS,
                and(JobQueries.ownedBy(Owner.user(user)), ne("_id", purge.value())), Count.BULK_JOBS));
        if (activityToo) {
            targets.add(new ErasureTarget(CollectionNames.ACTIVITY_LOGS, eq("user_id", user.value()),
                    Count.ACTIVITY_LOGS));
            targets.add(new ErasureTarget(CollectionNames.JOB_LEDGER,
                    and(eq("owner_id", user.toString()), ne("job_id", purge.value())), Count.ACTIVITY_LOGS));
        }
        if (otpsToo && email != null) {
            targets.add(new ErasureTarget(CollectionNames.OTPS, eq("email", email), Count.OTPS));
            targets.add(new ErasureTarget(CollectionNames.OTP_OUTBOX, eq("email", email), Count.SENT_CODES));
        }
        if (email != null) {
            // why: the sign-in buckets name the address by its pseudonym: "<bucket>/<limit>/<pseudonym>[/<client>]"
            targets.add(new ErasureTarget(CollectionNames.RATE_LIMITS,
                    regex("_id", "/" + Pseudonyms.email(email) + "(/|$)"), Count.LIMIT_RECORDS));
        }
        targets.add(new ErasureTarget(CollectionNames.LIMIT_SLOTS,
                regex("_id", "^(jobs/person:" + user + "/|streams/" + user + "#)"), Count.LIMIT_RECORDS));
        targets.add(new ErasureTarget(CollectionNames.IDEMPOTENCY_KEYS, eq("owner_id", user.toString()),
                Count.IDEMPOTENCY_KEYS));
        return targets;
    }

    /** @return the test identities made under a run ({@code POST /internal/users} with its run id), which its cleanup removes */
    public static ErasureTarget runUsers(String runId) {
        return new ErasureTarget(CollectionNames.USERS, eq(UserFields.RUN_ID, runId), Count.USERS);
    }

    /**
     * @param reset the reset's own job, which stays (with its ledger) to report what it did
     * @return what a reset removes: everything but the audit, the tombstones, this job and, if asked,
     *         the ADMINs; job ledgers count as activity logs
     */
    public static List<ErasureTarget> reset(ResetAll command, JobId reset) {
        var all = new Document();
        return List.of(
                new ErasureTarget(CollectionNames.USERS, command.preserveAdmins() ? ne("role", Role.ADMIN.name()) : all,
                        Count.USERS),
                new ErasureTarget(CollectionNames.ITEMS, all, Count.ITEMS),
                new ErasureTarget(CollectionNames.OTPS, all, Count.OTPS),
                new ErasureTarget(CollectionNames.OTP_OUTBOX, all, Count.SENT_CODES),
                new ErasureTarget(CollectionNames.JOBS, ne("_id", reset.value()), Count.BULK_JOBS),
                new ErasureTarget(CollectionNames.ACTIVITY_LOGS, all, Count.ACTIVITY_LOGS),
                new ErasureTarget(CollectionNames.JOB_LEDGER, ne("job_id", reset.value()), Count.ACTIVITY_LOGS),
                new ErasureTarget(CollectionNames.IDEMPOTENCY_KEYS, all, Count.IDEMPOTENCY_KEYS));
    }

    /**
     * @return the items a hard delete was about, as a selection that finds any of them created again; empty for
     *         a retention purge, whose ledger alone names its items (what is soft-deleted later is not its)
     */
    public static Optional<Bson> items(CleanupCommand command) {
        return switch (command) {
            case ApplyPlan apply -> items(apply.planned()).map(chosen -> and(chosen, planned(apply.planId())));
            case PurgeUserData purge -> Optional.of(itemsOf(UserId.parse(purge.userId())));
            case CleanupByTags tags -> Optional.of(ItemSelection.of(tags).toBson());
            case CleanupRun run -> Optional.of(ItemSelection.ofRun(run.runId()).toBson());
            case PurgeItem item -> Optional.of(eq(ID, new ObjectId(item.itemId())));
            case ResetAll ignored -> Optional.of(new Document());
            case PurgeSoftDeleted ignored -> Optional.empty();
            case SweepOrphanFiles ignored -> Optional.empty();
        };
    }

    /** @return the items a plan marked as its own */
    public static Bson planned(String planId) {
        return eq(PLAN_IDS, new ObjectId(planId));
    }

    /** @return what a hard delete removes whole beside its items, as the worker deletes it */
    public static List<ErasureTarget> records(CleanupCommand command, JobId job, String email) {
        return switch (command) {
            case ApplyPlan apply -> records(apply.planned(), job, email);
            case PurgeUserData purge -> userRecords(purge, job, email);
            case CleanupRun run -> run.hardDelete() ? List.of(runUsers(run.runId())) : List.of();
            case ResetAll reset -> reset(reset, job).stream()
                    .filter(target -> !target.collection().equals(CollectionNames.ITEMS)).toList();
            default -> List.of();
        };
    }
}
