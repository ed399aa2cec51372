package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Do what a plan (a destructive call's dry run) said, and nothing else: the planned command, on the
 * items the plan marked ({@code plan_ids}) and no other — an item created after the plan is never
 * touched, an item gone since is skipped. What is not an item (a purged user's jobs and activity) is
 * taken as it is when the plan is applied.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report to, or {@code null} to let the worker create one
 * @param requestedBy   who asked, or {@code null}
 * @param planId        the plan (an ObjectId)
 * @param planned       the command the plan was made for, as it will run (not a dry run)
 * @param issuedAt      when the command was published
 */
public record ApplyPlan(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String requestedBy,
        String planId,
        CleanupCommand planned,
        Instant issuedAt) implements CleanupCommand {

    public ApplyPlan {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        CommandFields.requireObjectIdOrNull(planId, "plan_id");
        if (planId == null) {
            throw new InvalidCommandException("plan_id is required: the plan to apply");
        }
        if (planned == null || planned.dryRun() || planned instanceof ApplyPlan) {
            throw new InvalidCommandException("planned is required: the cleanup the plan was made for, not a dry run");
        }
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }

    /** @return false: applying a plan deletes what it planned */
    @Override
    public boolean dryRun() {
        return false;
    }
}
