package io.flowhub.gateway.internal;

import io.flowhub.store.JobId;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobQueries;
import io.flowhub.gateway.job.WaitSchedule;
import jakarta.annotation.PreDestroy;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Answers a request when its job finishes, or when the wait runs out. The request is parked as a
 * {@link DeferredResult} and one scheduler thread checks the waiting jobs that are due (by {@link #SCHEDULE}: soon
 * after the request, then ever less often, up to every {@link #POLL}), so a client that waits holds no request thread.
 */
@Component
class JobWaiter {

    // why: a finished job is answered within this; one read by _id of every job due, each time
    static final Duration POLL = Duration.ofMillis(25);
    // why: a suite's small cleanup finishes in a few tens of milliseconds; read soon after, it is answered within a
    // quarter of its own time rather than, on average, half a tick later
    static final WaitSchedule SCHEDULE = new WaitSchedule(Duration.ofMillis(5), POLL);
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
        long tick = SCHEDULE.least().toMillis();
        scheduler.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    DeferredResult<ResponseEntity<?>> await(JobId jobId, Duration wait, Function<Job, ResponseEntity<?>> finished,
            Supplier<ResponseEntity<?>> stillRunning) {
        var result = new DeferredResult<ResponseEntity<?>>(wait.plus(REQUEST_MARGIN).toMillis());
        result.onCompletion(() -> waiting.remove(result));
        Instant now = clock.instant();
        waiting.put(result, new Waiting(jobId, now, now.plus(wait), finished, stillRunning));
        return result;
    }

    private void check() {
        Instant now = clock.instant();
        Map<DeferredResult<ResponseEntity<?>>, Waiting> due = new HashMap<>();
        waiting.forEach((result, wait) -> {
            if (!wait.nextRead().get().isAfter(now) || now.isAfter(wait.until())) {
                due.put(result, wait);
            }
        });
        if (due.isEmpty()) {
            return;
        }
        Map<JobId, Job> found;
        try {
            // why: twenty suites waiting for their cleanups at once cost one query a tick, not twenty in a row
            found = jobs.findAll(due.values().stream().map(Waiting::jobId).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            due.forEach((result, wait) -> {
                if (waiting.remove(result) != null) {
                    result.setErrorResult(e);
                }
            });
            return;
        }
        due.forEach((result, wait) -> {
            wait.nextRead().set(SCHEDULE.nextRead(wait.since(), now));
            try {
                var job = Optional.ofNullable(found.get(wait.jobId()));
                // why: the answer is built (and audited) once; the request leaves the map only when its
                // response is written, which takes more than one round of this check
                if (job.isPresent() && job.get().status().isFinished()) {
                    if (waiting.remove(result) != null) {
                        result.setResult(wait.finished().apply(job.get()));
                    }
                } else if (now.isAfter(wait.until()) && waiting.remove(result) != null) {
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

    /** One parked request: its job, since when and until when it waits, its answers, and when to read the job next. */
    private record Waiting(JobId jobId, Instant since, Instant until, Function<Job, ResponseEntity<?>> finished,
                           Supplier<ResponseEntity<?>> stillRunning, AtomicReference<Instant> nextRead) {

        Waiting(JobId jobId, Instant since, Instant until, Function<Job, ResponseEntity<?>> finished,
                Supplier<ResponseEntity<?>> stillRunning) {
            this(jobId, since, until, finished, stillRunning, new AtomicReference<>(SCHEDULE.nextRead(since, since)));
        }
    }
}
