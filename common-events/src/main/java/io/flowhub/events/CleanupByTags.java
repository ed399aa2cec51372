package io.flowhub.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Delete test data chosen by tags or by the test_data flag, optionally one user's, one test run's and created
 * before a time: hard or soft.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report to, or {@code null} to let the worker create one
 * @param requestedBy   who asked, or {@code null}
 * @param dryRun        report what would be deleted, delete nothing
 * @param tags items carrying any of these tags; may be empty only when test_data is true
 * @param testData true to choose items flagged as test data
 * @param userId only this user's items, or null
 * @param createdBefore only items created before this, or null
 * @param hardDelete true to remove the items and their files; false to soft-delete them
 * @param issuedAt      when the command was published
 * @param runId only items created under this test run ({@link RunIds}), or null
 */
public record CleanupByTags(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String requestedBy,
        boolean dryRun,
        List<String> tags,
        Boolean testData,
        String userId,
        Instant createdBefore,
        boolean hardDelete,
        Instant issuedAt,
        String runId) implements CleanupCommand {

    public CleanupByTags {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        tags = Tags.check("tags", tags);
        if (tags.isEmpty() && !Boolean.TRUE.equals(testData)) {
            throw new InvalidCommandException("tags are required unless test_data is true: an empty selection never means everything");
        }
        CommandFields.requireObjectIdOrNull(userId, "user_id");
        RunIds.checkOrNull("run_id", runId);
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
