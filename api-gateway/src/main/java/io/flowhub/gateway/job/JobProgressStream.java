package io.flowhub.gateway.job;

import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobStore;
import jakarta.annotation.PreDestroy;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent progress of jobs. One scheduler thread serves every open stream: it reads each
 * watched job and sends an event when the job changed, so a waiting client holds no request
 * thread. The last event is named after the final status, then the stream ends.
 */
@Component
class JobProgressStream {

    private static final Logger log = LoggerFactory.getLogger(JobProgressStream.class);
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final JobStore jobs;
    private final Map<SseEmitter, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-progress-stream").daemon().factory());

    JobProgressStream(JobStore jobs) {
        this.jobs = jobs;
        scheduler.scheduleWithFixedDelay(this::sendChanges, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter open(ObjectId jobId) {
        var emitter = new SseEmitter(MAX_STREAM.toMillis());
        emitter.onCompletion(() -> watches.remove(emitter));
        emitter.onTimeout(() -> watches.remove(emitter));
        emitter.onError(error -> watches.remove(emitter));
        watches.put(emitter, new Watch(jobId, null));
        return emitter;
    }

    private void sendChanges() {
        watches.forEach((emitter, watch) -> {
            try {
                jobs.find(watch.jobId()).ifPresentOrElse(job -> send(emitter, watch, job), emitter::complete);
            } catch (RuntimeException e) {
                log.debug("Job stream for {} ends: {}", watch.jobId(), e.getMessage());
                emitter.completeWithError(e);
            }
        });
    }

    private void send(SseEmitter emitter, Watch watch, Job job) {
        if (Objects.equals(watch.lastSeen(), job.updatedAt())) {
            return;
        }
        watches.put(emitter, new Watch(watch.jobId(), job.updatedAt()));
        try {
            emitter.send(SseEmitter.event()
                    .name(job.status().isFinished() ? job.status().wireValue() : "progress")
                    .id(String.valueOf(job.updatedAt() == null ? 0 : job.updatedAt().toEpochMilli()))
                    .data(JobView.of(job)));
            if (job.status().isFinished()) {
                emitter.complete();
            }
        } catch (IOException e) {
            // why: the client went away; forgetting the stream is all there is to do
            watches.remove(emitter);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        watches.keySet().forEach(SseEmitter::complete);
    }

    private record Watch(ObjectId jobId, Instant lastSeen) {
    }
}
