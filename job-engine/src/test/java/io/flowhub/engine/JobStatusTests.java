package io.flowhub.engine;

import org.junit.jupiter.api.Test;

import static io.flowhub.engine.JobStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class JobStatusTests {

    @Test
    void finishedJobsCanNeverMoveAgain() {
        for (JobStatus finished : new JobStatus[] {COMPLETED, FAILED, CANCELLED}) {
            assertThat(finished.isFinished()).isTrue();
            for (JobStatus next : values()) {
                assertThat(finished.canMoveTo(next)).as("%s -> %s", finished, next).isFalse();
            }
        }
    }

    @Test
    void onlyARunningJobCanComplete() {
        assertThat(predecessorsOf(COMPLETED)).containsExactly(RUNNING);
    }

    @Test
    void aQueuedOrRunningJobCanBeStartedFailedOrCancelled() {
        assertThat(predecessorsOf(RUNNING)).containsExactlyInAnyOrder(QUEUED, RUNNING);
        assertThat(predecessorsOf(FAILED)).containsExactlyInAnyOrder(QUEUED, RUNNING);
        assertThat(predecessorsOf(CANCELLED)).containsExactlyInAnyOrder(QUEUED, RUNNING);
    }

    @Test
    void nothingMovesBackToQueued() {
        assertThat(predecessorsOf(QUEUED)).isEmpty();
    }

    @Test
    void wireValuesAreLowerCaseAndRoundTrip() {
        for (JobStatus status : values()) {
            assertThat(fromWireValue(status.wireValue())).isEqualTo(status);
        }
        assertThat(RUNNING.wireValue()).isEqualTo("running");
    }

    @Test
    void progressNeverShowsOneHundredBeforeTheJobCompletes() {
        assertThat(HeldJobs.percent(0, 0)).isZero();
        assertThat(HeldJobs.percent(50, 200)).isEqualTo(25);
        assertThat(HeldJobs.percent(200, 200)).isEqualTo(99);
    }
}
