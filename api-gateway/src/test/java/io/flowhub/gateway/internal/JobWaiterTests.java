package io.flowhub.gateway.internal;

import io.flowhub.engine.Job;
import io.flowhub.engine.JobStatus;
import io.flowhub.engine.JobStore;
import io.flowhub.store.JobId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class JobWaiterTests {

    private final JobStore jobs = mock(JobStore.class);
    private final JobWaiter waiter = new JobWaiter(jobs, Clock.systemUTC());

    @AfterEach
    void stop() {
        waiter.stop();
    }

    @Test
    void aFinishedJobsAnswerIsBuiltOnceThoughTheResponseIsNotWrittenYet() {
        // the request's completion callback runs only once Spring writes the response; until then
        // the waiter sees the request on every check, and must not build (and audit) its answer again
        JobId jobId = new JobId(new ObjectId());
        Job job = mock(Job.class);
        when(job.status()).thenReturn(JobStatus.COMPLETED);
        when(jobs.find(jobId)).thenReturn(Optional.of(job));
        var answers = new AtomicInteger();

        var result = waiter.await(jobId, Duration.ofMinutes(1), finished -> {
            answers.incrementAndGet();
            return ResponseEntity.ok("done");
        }, () -> ResponseEntity.accepted().build());

        await().atMost(Duration.ofSeconds(5)).until(result::hasResult);
        await().during(Duration.ofMillis(10 * JobWaiter.POLL.toMillis())).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(answers).hasValue(1));
        assertThat(result.getResult()).isEqualTo(ResponseEntity.ok("done"));
    }

    @Test
    void aJobStillRunningWhenTheWaitEndsIsAnsweredAsRunningOnce() {
        JobId jobId = new JobId(new ObjectId());
        Job job = mock(Job.class);
        when(job.status()).thenReturn(JobStatus.RUNNING);
        when(jobs.find(jobId)).thenReturn(Optional.of(job));
        var answers = new AtomicInteger();

        var result = waiter.await(jobId, Duration.ZERO, finished -> ResponseEntity.ok("done"), () -> {
            answers.incrementAndGet();
            return ResponseEntity.accepted().build();
        });

        await().atMost(Duration.ofSeconds(5)).until(result::hasResult);
        await().during(Duration.ofMillis(10 * JobWaiter.POLL.toMillis())).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(answers).hasValue(1));
        assertThat(result.getResult()).isEqualTo(ResponseEntity.accepted().build());
    }
}
