package io.flowhub.engine;

import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.CleanupResult.Count;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.engine.JobFields.*;

/** Maps jobs to and from their MongoDB documents. */
final class JobDocumentMapper {

    /** The name a reset's dry run once gave job ledgers, read as the activity logs they are counted with now. */
    private static final String LEGACY_LEDGER_COUNT = "job_ledger";

    private JobDocumentMapper() {
    }

    static Document toDocument(NewJob job, Instant now) {
        Document document = new Document(ID, job.id().value())
                .append(KIND, job.kind().wireValue())
                .append(OPERATION, job.operation())
                .append(OWNER_TYPE, job.owner() == null ? null : job.owner().type().wireValue())
                .append(OWNER_ID, job.owner() == null ? null : job.owner().id())
                .append(TARGET_USER_ID, job.targetUserId() == null ? null : job.targetUserId().toString())
                .append(UNDOES, job.undoes() == null ? null : job.undoes().value())
                .append(DELETES_FOR_GOOD, job.deletesForGood())
                .append(COMMAND_ID, job.commandId().toString())
                .append(COMMAND, job.commandJson())
                .append(STATUS, JobStatus.QUEUED.wireValue())
                .append(PROGRESS, 0)
                .append(TOTAL_ITEMS, job.totalItems())
                .append(PROCESSED, 0L)
                .append(SKIPPED, 0L)
                .append(SKIP_REASONS, skipReasons(JobCounts.NONE))
                .append(FAILED, 0L)
                .append(ERRORS, List.of())
                .append(BATCHES, 0)
                .append(CURSOR, 0L)
                .append(DRY_RUN, job.dryRun())
                .append(ATTEMPTS, 0)
                .append(CREATED_AT, Date.from(now))
                .append(UPDATED_AT, Date.from(now));
        if (job.idempotency() != null) {
            // why: absent, not null, without a key: the key's unique index is sparse
            document.append(IDEMPOTENCY_KEY, job.idempotency().key()).append(REQUEST_HASH, job.idempotency().requestHash());
        }
        return document;
    }

    /** @return the update that writes a job's progress whole */
    static Bson progressUpdate(JobProgress progress) {
        JobCounts counts = progress.counts();
        return combine(
                set(PROCESSED, counts.processed()),
                set(SKIPPED, counts.skipped()),
                set(SKIP_REASONS, skipReasons(counts)),
                set(FAILED, counts.failed()),
                set(ERRORS, progress.errors().stream()
                        .map(error -> new Document(ERROR_ITEM_ID, error.itemId()).append(ERROR_REASON, error.reason()))
                        .toList()),
                set(BATCHES, progress.checkpoint().batch()),
                set(STEP, progress.checkpoint().step()),
                set(CURSOR, progress.checkpoint().cursor()),
                set(RESUME_AFTER, progress.checkpoint().resumeAfter()),
                set(TOTAL_ITEMS, progress.totalItems()),
                set(RESULT, progress.result().toDocument()));
    }

    static Job toJob(Document document) {
        Document reasons = document.get(SKIP_REASONS, new Document());
        var counts = new JobCounts(number(document, PROCESSED).longValue(), number(reasons, ALREADY_DONE).longValue(),
                number(reasons, NOT_FOUND).longValue(), number(reasons, NOT_OWNED).longValue(),
                number(reasons, CHANGED_SINCE).longValue(),
                number(document, FAILED).longValue(), number(reasons, HELD).longValue());
        List<JobError> errors = document.getList(ERRORS, Document.class, List.of()).stream()
                .map(error -> new JobError(error.getString(ERROR_ITEM_ID), error.getString(ERROR_REASON)))
                .toList();
        return new Job(
                new JobId(document.getObjectId(ID)),
                JobKind.fromWireValue(document.getString(KIND)),
                document.getString(OPERATION),
                owner(document),
                document.getString(TARGET_USER_ID) == null ? null : UserId.parse(document.getString(TARGET_USER_ID)),
                document.getObjectId(UNDOES) == null ? null : new JobId(document.getObjectId(UNDOES)),
                document.getBoolean(DELETES_FOR_GOOD, false),
                UUID.fromString(document.getString(COMMAND_ID)),
                JobStatus.fromWireValue(document.getString(STATUS)),
                number(document, PROGRESS).intValue(),
                number(document, TOTAL_ITEMS).longValue(),
                counts,
                errors,
                new Checkpoint(number(document, BATCHES).intValue(), document.getString(STEP),
                        number(document, CURSOR).longValue(), document.getObjectId(RESUME_AFTER)),
                number(document, ATTEMPTS).intValue(),
                number(document, TURNS).intValue(),
                document.getString(WORKER_ID),
                instant(document, HEARTBEAT_AT),
                document.getObjectId(HOLDS_MARK),
                document.getString(COMMAND),
                document.getString(FAILURE_REASON),
                result(document.get(RESULT, Document.class)),
                document.getBoolean(DRY_RUN, false),
                instant(document, CREATED_AT),
                instant(document, STARTED_AT),
                instant(document, FINISHED_AT),
                instant(document, UPDATED_AT));
    }

    private static CleanupResult result(Document result) {
        if (result == null) {
            return CleanupResult.NONE;
        }
        var counts = new LinkedHashMap<String, Number>();
        // why: a reset's dry run recorded before CleanupResult counted job ledgers under a name of their own
        result.forEach((name, value) -> counts.merge(
                name.equals(LEGACY_LEDGER_COUNT) ? Count.ACTIVITY_LOGS.key() : name, (Number) value,
                (a, b) -> a.longValue() + b.longValue()));
        return CleanupResult.fromMap(counts);
    }

    private static Document skipReasons(JobCounts counts) {
        return new Document(ALREADY_DONE, counts.alreadyDone())
                .append(NOT_FOUND, counts.notFound())
                .append(NOT_OWNED, counts.notOwned())
                .append(CHANGED_SINCE, counts.changedSince())
                .append(HELD, counts.held());
    }

    private static Number number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : (Number) value;
    }

    private static Instant instant(Document document, String field) {
        Date value = document.getDate(field);
        return value == null ? null : value.toInstant();
    }

    /** @return the job's owner; a document from before M007 keeps the contract's one-string spelling */
    private static Owner owner(Document document) {
        String type = document.getString(OWNER_TYPE);
        return type == null ? Owner.fromContract(document.getString(OWNER_ID))
                : new Owner(Owner.Type.fromWireValue(type), document.getString(OWNER_ID));
    }
}
