package io.flowhub.cleanup.job;

import io.flowhub.store.job.JobStore;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

class CleanupContextTests {

    private final JobStore jobs = mock(JobStore.class);
    private final ObjectId jobId = new ObjectId();
    private final CleanupContext context = new CleanupContext(jobId, false, jobs, "worker-1");

    @Test
    void progressShowsAStepUnderWayOnTopOfWhatIsDoneAndAStepStartingOverCountsAgain() {
        context.done("bulk_jobs", 2);
        context.progress("items", 500);
        context.progress("items", 1_000);
        // why: a retried transaction deletes the same items again and reports from zero
        context.progress("items", 500);
        context.done("items", 1_200);

        InOrder recorded = inOrder(jobs);
        recorded.verify(jobs).recordResult(jobId, "worker-1", 1, Map.of("bulk_jobs", 2L));
        recorded.verify(jobs).recordResult(jobId, "worker-1", 2, Map.of("bulk_jobs", 2L, "items", 500L));
        recorded.verify(jobs).recordResult(jobId, "worker-1", 3, Map.of("bulk_jobs", 2L, "items", 1_000L));
        recorded.verify(jobs).recordResult(jobId, "worker-1", 4, Map.of("bulk_jobs", 2L, "items", 500L));
        recorded.verify(jobs).recordResult(jobId, "worker-1", 5, Map.of("bulk_jobs", 2L, "items", 1_200L));
        assertThat(context.resultSoFar()).containsExactly(Map.entry("bulk_jobs", 2L), Map.entry("items", 1_200L));
    }

    @Test
    void progressAddsToWhatEarlierStepsDidOfTheSameKind() {
        context.done("items", 10);
        context.progress("items", 5);

        inOrder(jobs).verify(jobs).recordResult(jobId, "worker-1", 2, Map.of("items", 15L));
        assertThat(context.resultSoFar()).containsExactly(Map.entry("items", 10L));
    }
}
