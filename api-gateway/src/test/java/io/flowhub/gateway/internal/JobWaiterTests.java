package io.flowhub.gateway.internal;

import io.flowhub.engine.Job;
import io.flowhub.engine.JobStatus;
import io.flowhub.engine.JobQueries;
import io.flowhub.store.JobId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JobWaiterTests {

    private final JobQueries jobs = mock(JobQueries.class);
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
        when(jobs.findAll(anyCollection())).thenReturn(Map.of(jobId, job));
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
        when(jobs.findAll(anyCollection())).thenReturn(Map.of(jobId, job));
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

    @Test
    void aWaitingRequestIsReadSoonAfterItCameAndAgainOnlyWhenItsScheduleSaysSo() {
        // the clock moves only when the test moves it: the request is due once its first pause is over, and not
        // again while the clock stands there
        Instant came = Instant.parse("2026-12-05T09:00:00Z");
        var clock = new AtomicReference<>(came);
        var frozen = new JobWaiter(jobs, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        });
        try {
            JobId jobId = new JobId(new ObjectId());
            Job job = mock(Job.class);
            when(job.status()).thenReturn(JobStatus.RUNNING);
            when(jobs.findAll(anyCollection())).thenReturn(Map.of(jobId, job));

            frozen.await(jobId, Duration.ofMinutes(1), finished -> ResponseEntity.ok("done"),
                    () -> ResponseEntity.accepted().build());
            clock.set(came.plus(JobWaiter.SCHEDULE.least()));

            await().during(Duration.ofMillis(3 * JobWaiter.POLL.toMillis())).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> verify(jobs, times(1)).findAll(anyCollection()));
        } finally {
            frozen.stop();
        }
    }

    @Test
    void requestsWaitingTogetherAreCheckedByOneReadOfAllTheirJobs() {
        // twenty suites waiting for their cleanups at once: one query a tick, not twenty in a row
        List<JobId> ids = java.util.stream.Stream.generate(() -> new JobId(new ObjectId())).limit(20).toList();
        Job running = mock(Job.class);
        when(running.status()).thenReturn(JobStatus.RUNNING);
        Job done = mock(Job.class);
        when(done.status()).thenReturn(JobStatus.COMPLETED);
        when(jobs.findAll(anyCollection())).thenReturn(Map.of(ids.getFirst(), done, ids.getLast(), running));

        var results = ids.stream().map(id -> waiter.await(id, Duration.ofMinutes(1), finished -> ResponseEntity.ok("done"),
                () -> ResponseEntity.accepted().build())).toList();

        await().atMost(Duration.ofSeconds(5)).until(results.getFirst()::hasResult);
        verify(jobs, atLeastOnce()).findAll(argThat(asked -> asked.size() == ids.size() && Set.copyOf(asked).equals(Set.copyOf(ids))));
        assertThat(results.getLast().hasResult()).isFalse();
    }
}
