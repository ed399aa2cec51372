package io.flowhub.gateway.internal;

import io.flowhub.store.JobId;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobQueries;
import jakarta.annotation.PreDestroy;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Answers a request when its job finishes, or when the wait runs out. The request is parked as a
 * {@link DeferredResult} and one scheduler thread checks every waiting job, so a client that
 * waits holds no request thread.
 */
@Component
class JobWaiter {

    // why: a finished job is answered within this; one read by _id of every job waited for, each time
    static final Duration POLL = Duration.ofMillis(25);
    // why: the request outlives its wait by this much, so the answer for a job still running is written by
    // this class, not the servlet container's timeout
    private static final Duration REQUEST_MARGIN = Duration.ofSeconds(10);

    private final JobQueries jobs;
    private final Clock clock;
    private final Map<DeferredResult<ResponseEntity<?>>, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-waiter").daemon().factory());

    JobWaiter(JobQueries jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        scheduler.scheduleWithFixedDelay(this::check, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    DeferredResult<ResponseEntity<?>> await(JobId jobId, Duration wait, Function<Job, ResponseEntity<?>> finished,
            Supplier<ResponseEntity<?>> stillRunning) {
        var result = new DeferredResult<ResponseEntity<?>>(wait.plus(REQUEST_MARGIN).toMillis());
        result.onCompletion(() -> waiting.remove(result));
        waiting.put(result, new Waiting(jobId, clock.instant().plus(wait), finished, stillRunning));
        return result;
    }

    private void check() {
        if (waiting.isEmpty()) {
            return;
        }
        Map<JobId, Job> found;
        try {
            // why: twenty suites waiting for their cleanups at once cost one query a tick, not twenty in a row
            found = jobs.findAll(waiting.values().stream().map(Waiting::jobId).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            waiting.forEach((result, wait) -> {
                if (waiting.remove(result) != null) {
                    result.setErrorResult(e);
                }
            });
            return;
        }
        waiting.forEach((result, wait) -> {
            try {
                var job = Optional.ofNullable(found.get(wait.jobId()));
                // why: the answer is built (and audited) once; the request leaves the map only when its
                // response is written, which takes more than one round of this check
                if (job.isPresent() && job.get().status().isFinished()) {
                    if (waiting.remove(result) != null) {
                        result.setResult(wait.finished().apply(job.get()));
                    }
                } else if (clock.instant().isAfter(wait.until()) && waiting.remove(result) != null) {
                    result.setResult(wait.stillRunning().get());
                }
            } catch (RuntimeException e) {
                waiting.remove(result);
                result.setErrorResult(e);
            }
        });
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private record Waiting(JobId jobId, Instant until, Function<Job, ResponseEntity<?>> finished,
                           Supplier<ResponseEntity<?>> stillRunning) {
    }
}
