package io.flowhub.cleanup.file;

import io.flowhub.engine.EngineSettings;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.JobQueries;
import io.flowhub.engine.JobStatus;
import io.flowhub.store.JobId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class EndedClaimsReleaseTests {

    private final ItemClaims claims = mock(ItemClaims.class);
    private final JobQueries jobs = mock(JobQueries.class);
    private final JobLedger ledger = mock(JobLedger.class);
    private final FileRemovals removals = mock(FileRemovals.class);
    private final EndedClaimsRelease release = new EndedClaimsRelease(claims, jobs, ledger, mock(ItemDeleter.class),
            removals, new EngineSettings(5000, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10),
                    Duration.ofSeconds(20), Duration.ofSeconds(1), "test-worker"), Clock.systemUTC());

    @Test
    void claimsTheItemsNameOfAJobThatEndedWithoutANoteAreReleased() {
        // a worker paused past its lease wrote a claim after its cancelled job's note went: only the items name it
        JobId ended = new JobId(new ObjectId());
        JobId running = new JobId(new ObjectId());
        when(claims.claimants(anyInt())).thenReturn(List.of(ended.value(), running.value()));
        Job cancelled = job(JobStatus.CANCELLED);
        Job stillRunning = job(JobStatus.RUNNING);
        when(jobs.findAll(any())).thenReturn(Map.of(ended, cancelled, running, stillRunning));

        assertThat(release.releaseEndedClaimants()).isEqualTo(1);

        verify(claims).release(ended);
        verify(removals).removeFor(ended);
        verify(claims, never()).release(running);
    }

    private static Job job(JobStatus status) {
        Job job = mock(Job.class);
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        when(job.status()).thenReturn(status);
        when(job.updatedAt()).thenReturn(longAgo);
        when(job.heartbeatAt()).thenReturn(longAgo);
        return job;
    }
}
