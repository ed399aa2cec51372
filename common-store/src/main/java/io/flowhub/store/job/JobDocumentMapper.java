package io.flowhub.store.job;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static io.flowhub.store.job.JobFields.*;

/** Maps jobs to and from their MongoDB documents. */
final class JobDocumentMapper {

    private JobDocumentMapper() {
    }

    static Document toDocument(NewJob job, Instant now) {
        return new Document(ID, job.id())
                .append(KIND, job.kind().wireValue())
                .append(OPERATION, job.operation())
                .append(OWNER_ID, job.ownerId())
                .append(COMMAND_ID, job.commandId().toString())
                .append(STATUS, JobStatus.QUEUED.wireValue())
                .append(PROGRESS, 0)
                .append(TOTAL_ITEMS, job.totalItems())
                .append(PROCESSED, 0L)
                .append(SKIPPED, 0L)
                .append(FAILED, 0L)
                .append(CURSOR, 0L)
                .append(ATTEMPTS, 0)
                .append(CREATED_AT, Date.from(now))
                .append(UPDATED_AT, Date.from(now));
    }

    static Job toJob(Document document) {
        return new Job(
                document.getObjectId(ID),
                JobKind.fromWireValue(document.getString(KIND)),
                document.getString(OPERATION),
                document.getString(OWNER_ID),
                UUID.fromString(document.getString(COMMAND_ID)),
                JobStatus.fromWireValue(document.getString(STATUS)),
                number(document, PROGRESS).intValue(),
                number(document, TOTAL_ITEMS).longValue(),
                new JobCounts(number(document, PROCESSED).longValue(), number(document, SKIPPED).longValue(),
                        number(document, FAILED).longValue()),
                number(document, CURSOR).longValue(),
                number(document, ATTEMPTS).intValue(),
                document.getString(FAILURE_REASON),
                instant(document, CREATED_AT),
                instant(document, STARTED_AT),
                instant(document, FINISHED_AT),
                instant(document, UPDATED_AT));
    }

    private static Number number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : (Number) value;
    }

    private static Instant instant(Document document, String field) {
        Date value = document.getDate(field);
        return value == null ? null : value.toInstant();
    }
}
