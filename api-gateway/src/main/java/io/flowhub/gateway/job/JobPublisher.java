package io.flowhub.gateway.job;

import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.limit.Share;
import io.flowhub.gateway.limit.Slots;
import io.flowhub.gateway.limit.Slots.Slot;
import io.flowhub.gateway.system.TooManyRequestsException.Limit;
import io.flowhub.gateway.system.TooManyRequestsException;
import io.flowhub.store.JobId;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobOutbox;
import io.flowhub.engine.JobQueries;
import io.flowhub.engine.JobStore;
import io.flowhub.engine.NewJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Records a job as {@code queued}, with its command, then publishes the command. The job is held in
 * the {@link JobOutbox} from before it is recorded until Kafka acknowledged its command: when Kafka
 * does not (it is down, or this process dies first), the workers' sweep sends the stored command
 * once Kafka takes it. So a job the client is told about always runs, and a job the client is told
 * failed was never stored.
 *
 * <p>One owner may have at most {@code max-active-jobs} jobs of a kind queued or running: each job
 * takes one of that many {@link Slots} in MongoDB before it is recorded, so concurrent requests of
 * one owner never pass the limit together, on one gateway instance or several.
 */
@Component
public class JobPublisher {

    private static final Logger log = LoggerFactory.getLogger(JobPublisher.class);
    private static final Duration UNRECORDED_GRACE = Duration.ofMinutes(1);
    // why: about 1.3 s in all, far longer than a racing request takes from its slot to its insert
    private static final long[] KEY_RACE_PAUSES_MS = {10, 20, 40, 80, 160, 320, 640};

    private final JobStore jobs;
    private final JobQueries queries;
    private final JobOutbox outbox;
    private final KafkaTemplate<String, Object> kafka;
    private final GatewaySettings settings;
    private final Slots slots;

    JobPublisher(JobStore jobs, JobQueries queries, JobOutbox outbox, KafkaTemplate<String, Object> kafka,
            GatewaySettings settings, Slots slots) {
        this.slots = slots;
        this.jobs = jobs;
        this.queries = queries;
        this.outbox = outbox;
        this.kafka = kafka;
        this.settings = settings;
    }

    /**
     * @param topic   the command topic of the job's kind
     * @param key     the command's Kafka key
     * @param command the command record, which {@code job.commandJson()} holds as JSON
     * @return the job as recorded: this one, or the one recorded before under its {@code Idempotency-Key}
     * @throws io.flowhub.engine.IdempotencyKeyReusedException when that key's job was asked with another request
     */
    public Job submit(NewJob job, String topic, String key, Object command) {
        return submit(job, topic, key, command, new Share(job.owner().contractValue(), "You have", settings.maxActiveJobs()));
    }

    /**
     * As {@link #submit(NewJob, String, String, Object)}, counting the job against {@code share}'s cap
     * rather than its owner's.
     */
    public Job submit(NewJob job, String topic, String key, Object command, Share share) {
        if (job.idempotency() != null) {
            // why: a retry of a request that was let in is answered with its job, even when the owner is at the cap now
            Optional<Job> earlier = jobs.findByKey(job.idempotency());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Job recorded = recordWithinLimit(job, share);
        if (!recorded.id().equals(job.id())) {
            // why: a request with the same key was recorded first (here or on another instance); it publishes its own
            outbox.release(job.id());
            return recorded;
        }
        // why: what the gateway logs about a job carries its ids, as the workers' lines do (MDC, so structured logs
        // have them as fields); the request's own context (the job an undo reverses, say) comes back afterwards
        Map<String, String> context = MDC.getCopyOfContextMap();
        MDC.put("job_id", recorded.id().toString());
        MDC.put("command_id", job.commandId().toString());
        try {
            try {
                kafka.send(topic, key, command).get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
                outbox.release(recorded.id());
                log.info("Published {}", command.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queuedForLater(recorded, e);
            } catch (Exception e) {
                queuedForLater(recorded, e);
            }
        } finally {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
        }
        return recorded;
    }

    private Job recordWithinLimit(NewJob job, Share share) {
        String scope = "jobs/" + share.owner() + "/" + job.kind().wireValue();
        Optional<Slot> taken = slots.take(scope, share.maxActiveJobs(), job.id().toString(), null, this::finished);
        // why: requests racing this one under the same Idempotency-Key hold slots only until one of them records the
        // job, then give theirs back; a retry of the request must not be refused the cap its own job already counts in
        for (int wait = 0; taken.isEmpty() && job.idempotency() != null && wait < KEY_RACE_PAUSES_MS.length; wait++) {
            Optional<Job> earlier = jobs.findByKey(job.idempotency());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            pause(KEY_RACE_PAUSES_MS[wait]);
            taken = slots.take(scope, share.maxActiveJobs(), job.id().toString(), null, this::finished);
        }
        Slot slot = taken.orElseThrow(() -> new TooManyRequestsException(
                Limit.ACTIVE_JOBS, share.who() + " " + share.maxActiveJobs() + " " + job.kind().wireValue()
                + " jobs queued or running, the most one owner may have at once; wait for one to finish"
                + " (GET /jobs lists them) and send this request again", settings.activeJobsRetryAfter()));
        try {
            outbox.hold(job.id(), job.kind());
            Job recorded = jobs.createIfAbsent(job);
            if (!recorded.id().equals(job.id())) {
                // why: the request was recorded before under its key; its own job holds its own slot
                slots.release(slot);
            }
            return recorded;
        } catch (RuntimeException e) {
            slots.release(slot);
            throw e;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a request with the same Idempotency-Key was recorded", e);
        }
    }

    /**
     * @return the holders (job ids) of active-job slots whose job is finished, or was never recorded:
     * gone a minute after its slot was taken (the gateway died between slot and job)
     */
    private Set<String> finished(Collection<Slots.Taken> taken, Instant now) {
        Map<JobId, Job> current = queries.findAll(taken.stream().map(slot -> JobId.parse(slot.holder())).toList());
        return taken.stream().filter(slot -> {
            Job job = current.get(JobId.parse(slot.holder()));
            return job == null ? slot.takenAt().isBefore(now.minus(UNRECORDED_GRACE)) : job.status().isFinished();
        }).map(Slots.Taken::holder).collect(Collectors.toSet());
    }

    private static void queuedForLater(Job job, Exception cause) {
        log.warn("Kafka did not take the command of job {} ({}); it stays queued and is sent when Kafka is back",
                job.id(), cause.getMessage());
    }
}
