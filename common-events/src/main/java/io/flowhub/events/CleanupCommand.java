package io.flowhub.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * A command on {@link Topics#CLEANUP_COMMANDS}, keyed by {@link #key()}.
 * Each runs as a job on cleanup-worker. The worker checks its environment policy again, whoever
 * sent the command: a hard delete in production fails the job and deletes nothing. With
 * {@code dry_run} the job reports what it would delete and deletes nothing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PurgeUserData.class, name = "PurgeUserData"),
        @JsonSubTypes.Type(value = CleanupByTags.class, name = "CleanupByTags"),
        @JsonSubTypes.Type(value = ResetAll.class, name = "ResetAll"),
        @JsonSubTypes.Type(value = PurgeItem.class, name = "PurgeItem"),
        @JsonSubTypes.Type(value = PurgeSoftDeleted.class, name = "PurgeSoftDeleted"),
        @JsonSubTypes.Type(value = SweepOrphanFiles.class, name = "SweepOrphanFiles"),
        @JsonSubTypes.Type(value = CleanupRun.class, name = "CleanupRun"),
        @JsonSubTypes.Type(value = ApplyPlan.class, name = "ApplyPlan")
})
public sealed interface CleanupCommand
        permits PurgeUserData, CleanupByTags, ResetAll, PurgeItem, PurgeSoftDeleted, SweepOrphanFiles, CleanupRun,
        ApplyPlan {

    /** The key of commands that are about no one user. */
    String GLOBAL_KEY = "_global";

    /** What a run cleanup's key starts with, before the run id. */
    String RUN_KEY_PREFIX = "run:";

    /** @return {@link SchemaVersion#CURRENT} */
    int schemaVersion();

    /** @return a UUID chosen by the producer; the same command sent twice carries the same id */
    UUID commandId();

    /** @return the job this command runs as, or {@code null} when the worker is to create it */
    String jobId();

    /** @return who asked, for the job and the audit: a key id or a user id, never a secret */
    String requestedBy();

    /** @return true to report what would be deleted and delete nothing */
    boolean dryRun();

    /** @return when the command was published */
    Instant issuedAt();

    /** @return what the job does */
    default Operation operation() {
        return switch (this) {
            case PurgeUserData ignored -> Operation.PURGE_USER_DATA;
            case CleanupByTags ignored -> Operation.CLEANUP_BY_TAGS;
            case ResetAll ignored -> Operation.RESET_ALL;
            case PurgeItem ignored -> Operation.PURGE_ITEM;
            case PurgeSoftDeleted ignored -> Operation.PURGE_SOFT_DELETED;
            case SweepOrphanFiles ignored -> Operation.SWEEP_ORPHAN_FILES;
            case CleanupRun ignored -> Operation.CLEANUP_RUN;
            case ApplyPlan apply -> apply.planned().operation();
        };
    }

    /**
     * @return true for a command that deletes for good — every one but a soft tag or run cleanup and the orphan
     *         sweep (which removes only files no item names); a plan's, that of its command. The one answer to
     *         "can this be undone, does it have an erasure receipt, does the policy refuse it in production"
     */
    default boolean deletesForGood() {
        return switch (this) {
            case CleanupByTags tags -> tags.hardDelete();
            case CleanupRun run -> run.hardDelete();
            case SweepOrphanFiles ignored -> false;
            case ApplyPlan apply -> apply.planned().deletesForGood();
            case PurgeUserData ignored -> true;
            case PurgeItem ignored -> true;
            case ResetAll ignored -> true;
            case PurgeSoftDeleted ignored -> true;
        };
    }

    /** @return the user whose data the command is about (a per-user purge, planned or not), or {@code null} */
    default String targetUserId() {
        return switch (this) {
            case PurgeUserData purge -> purge.userId();
            case ApplyPlan apply -> apply.planned().targetUserId();
            default -> null;
        };
    }

    /**
     * @return the Kafka key: the user the command is about, {@code run:} and the run id for a run's cleanup
     *         (so that parallel suites' cleanups spread over the partitions), a plan's that of its command,
     *         or {@link #GLOBAL_KEY}
     */
    default String key() {
        return switch (this) {
            case PurgeUserData purge -> purge.userId();
            case CleanupRun run -> RUN_KEY_PREFIX + run.runId();
            case ApplyPlan apply -> apply.planned().key();
            case CleanupByTags cleanup -> cleanup.userId() == null ? GLOBAL_KEY : cleanup.userId();
            default -> GLOBAL_KEY;
        };
    }
}
