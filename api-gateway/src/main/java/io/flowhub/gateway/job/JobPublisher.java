package io.flowhub.gateway.job;

import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.system.TooManyRequestsException.Limit;
import io.flowhub.gateway.system.TooManyRequestsException;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobOutbox;
import io.flowhub.store.job.JobQueries;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.NewJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Records a job as {@code queued}, with its command, then publishes the command. The job is held in
 * the {@link JobOutbox} from before it is recorded until Kafka acknowledged its command: when Kafka
 * does not (it is down, or this process dies first), the workers' sweep sends the stored command
 * once Kafka takes it. So a job the client is told about always runs, and a job the client is told
 * failed was never stored.
 *
 * <p>One owner may have at most {@code max-active-jobs} jobs of a kind queued or running; the count
 * and the recording happen under a lock per owner, so concurrent requests of one owner never pass
 * the limit together on this instance (several gateway instances may each let one more in).
 */
@Component
public class JobPublisher {

    private static final Logger log = LoggerFactory.getLogger(JobPublisher.class);

    private final JobStore jobs;
    private final JobQueries queries;
    private final JobOutbox outbox;
    private final KafkaTemplate<String, Object> kafka;
    private final GatewaySettings settings;
    private final Lock[] ownerLocks = Stream.generate(ReentrantLock::new).limit(64).toArray(Lock[]::new);

    JobPublisher(JobStore jobs, JobQueries queries, JobOutbox outbox, KafkaTemplate<String, Object> kafka, GatewaySettings settings) {
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
     * @throws io.flowhub.store.job.IdempotencyKeyReusedException when that key's job was asked with another request
     */
    public Job submit(NewJob job, String topic, String key, Object command) {
        if (job.idempotency() != null) {
            // why: a retry of a request that was let in is answered with its job, even when the owner is at the cap now
            Optional<Job> earlier = jobs.findByKey(job.idempotency());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Job recorded = recordWithinLimit(job);
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

    private Job recordWithinLimit(NewJob job) {
        Lock lock = ownerLocks[Math.floorMod(Objects.hashCode(job.owner()), ownerLocks.length)];
        lock.lock();
        try {
            long unfinished = queries.countUnfinished(job.owner(), job.kind(), settings.maxActiveJobs());
            if (unfinished >= settings.maxActiveJobs()) {
                throw new TooManyRequestsException(Limit.ACTIVE_JOBS, "You have " + unfinished + " " + job.kind().wireValue()
                        + " jobs queued or running, the most one caller may have at once; wait for one to finish"
                        + " (GET /jobs lists yours) and send this request again", settings.activeJobsRetryAfter());
            }
            outbox.hold(job.id(), job.kind());
            return jobs.createIfAbsent(job);
        } finally {
            lock.unlock();
        }
    }

    private static void queuedForLater(Job job, Exception cause) {
        log.warn("Kafka did not take the command of job {} ({}); it stays queued and is sent when Kafka is back",
                job.id(), cause.getMessage());
    }
}
