package io.flowhub.engine;

import io.flowhub.engine.CleanupResult.Count;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JobDocumentMapperTests {

    @Test
    void aResultIsReadAsACleanupResultAndABulkJobWithoutOneHasNone() {
        Job purge = JobDocumentMapper.toJob(job().append("result", new Document("items", 3).append("files", 1L)));
        Job bulk = JobDocumentMapper.toJob(job());

        assertThat(purge.result()).isEqualTo(CleanupResult.of(Count.ITEMS, 3).with(Count.FILES, 1));
        assertThat(bulk.result()).isEqualTo(CleanupResult.NONE);
    }

    @Test
    void aResetDryRunRecordedWithJobLedgersApartIsReadWithThemCountedAsActivityLogs() {
        Job reset = JobDocumentMapper.toJob(job().append("result",
                new Document("users", 1).append("activity_logs", 2).append("job_ledger", 3)));

        assertThat(reset.result()).isEqualTo(CleanupResult.of(Count.USERS, 1).with(Count.ACTIVITY_LOGS, 5));
    }

    private static Document job() {
        return new Document("_id", new ObjectId()).append("kind", JobKind.CLEANUP.wireValue())
                .append("operation", "reset_all").append("owner_type", "schedule")
                .append("command_id", UUID.randomUUID().toString()).append("status", JobStatus.COMPLETED.wireValue());
    }
}
