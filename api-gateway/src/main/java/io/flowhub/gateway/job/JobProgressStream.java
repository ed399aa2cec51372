package io.flowhub.gateway.job;

import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.limit.Slots;
import io.flowhub.gateway.limit.Slots.Slot;
import io.flowhub.gateway.system.TooManyRequestsException.Limit;
import io.flowhub.gateway.system.TooManyRequestsException;
import io.flowhub.store.JobId;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobQueries;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Server-sent progress of jobs. One scheduler thread reads the watched jobs that are due (by {@link #SCHEDULE}: a stream
 * is read at once when it opens, then ever less often, up to every {@link #POLL}) in one query per tick
 * and hands each changed one to its stream's own sender (a virtual thread), so a waiting client holds
 * no request thread, and a client that stops reading blocks only its own stream: while its last
 * event is still being written, its changes are not queued but folded into the next event. The last
 * event is named after the final status, then the stream ends. Open streams are capped per caller
 * across every gateway instance (each stream holds one of the caller's {@link Slots}, renewed while it
 * is open, so a gateway that dies frees its streams' slots within {@link #SLOT_LEASE}), and per gateway
 * in all (what one instance can serve); one more is a 429.
 */
@Component
public class JobProgressStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobProgressStream.class);
    static final Duration POLL = Duration.ofMillis(250);
    // why: a one-item job finishes in a few tens of milliseconds; a fixed tick of POLL made every client that streams it
    // (the Java client's waitFor, the CLI) wait a quarter of a second for what was already done
    static final WaitSchedule SCHEDULE = new WaitSchedule(Duration.ofMillis(10), POLL);
    static final Duration MAX_STREAM = Duration.ofMinutes(30);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    static final Duration SLOT_LEASE = Duration.ofMinutes(2);
    /** why: a client that hung up is noticed only when something is written to it; a quiet job writes nothing */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final JobQueries jobs;
    private final GatewaySettings settings;
    private final Slots slots;
    private final Clock clock;
    private final Supplier<SseEmitter> emitters;
    private final Semaphore served;
    private volatile boolean running;
    private final Map<SseEmitter, StreamWatch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-progress-stream").daemon().factory());
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("job-progress-send-", 0).factory());

    @Autowired
    JobProgressStream(JobQueries jobs, GatewaySettings settings, Slots slots, Clock clock) {
        this(jobs, settings, slots, clock, () -> new SseEmitter(MAX_STREAM.toMillis()));
    }

    /** @param emitters makes each new stream's emitter */
    JobProgressStream(JobQueries jobs, GatewaySettings settings, Slots slots, Clock clock, Supplier<SseEmitter> emitters) {
        this.jobs = jobs;
        this.settings = settings;
        this.slots = slots;
        this.clock = clock;
        this.emitters = emitters;
        this.served = new Semaphore(settings.maxStreams());
        long tick = SCHEDULE.least().toMillis();
        scheduler.scheduleWithFixedDelay(this::sendChanges, tick, tick, TimeUnit.MILLISECONDS);
        long renewal = SLOT_LEASE.toMillis() / 4;
        scheduler.scheduleWithFixedDelay(this::renewSlots, renewal, renewal, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::sendHeartbeats, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** @throws TooManyRequestsException when the caller, or the gateway, has as many streams open as it may */
    public SseEmitter open(String caller, JobId jobId) {
        if (!served.tryAcquire()) {
            throw new TooManyRequestsException(Limit.EVENT_STREAMS, "The gateway has " + settings.maxStreams() + " job event streams"
                    + " open, the most it serves at once; poll GET /api/v1/jobs/{id} or try again later", RETRY_AFTER);
        }
        Slot slot;
        try {
            slot = slots.take("streams/" + caller, settings.maxStreamsPerCaller(), UUID.randomUUID().toString(),
                    clock.instant().plus(SLOT_LEASE), JobProgressStream::lapsed).orElseThrow(() -> new TooManyRequestsException(
                            Limit.EVENT_STREAMS, "You have " + settings.maxStreamsPerCaller() + " job event streams open, the"
                            + " most one caller may have; close one (or poll GET /api/v1/jobs/{id}) and try again", RETRY_AFTER));
        } catch (RuntimeException e) {
            served.release();
            throw e;
        }
        SseEmitter emitter = emitters.get();
        emitter.onCompletion(() -> forget(emitter));
        emitter.onTimeout(() -> forget(emitter));
        emitter.onError(error -> forget(emitter));
        watches.put(emitter, new StreamWatch(slot, jobId, clock.instant()));
        return emitter;
    }

    private static Set<String> lapsed(Collection<Slots.Taken> taken, Instant now) {
        return taken.stream().filter(slot -> slot.expiresAt() == null || slot.expiresAt().isBefore(now))
                .map(Slots.Taken::holder).collect(Collectors.toSet());
    }

    private void forget(SseEmitter emitter) {
        StreamWatch watch = watches.remove(emitter);
        if (watch != null) {
            served.release();
            try {
                slots.release(watch.slot());
            } catch (RuntimeException e) {
                // why: the slot lapses on its own when the database is away; the stream is gone either way
                log.debug("An event stream's slot waits for its lease to lapse: {}", e.getMessage());
            }
        }
    }

    private void sendHeartbeats() {
        watches.forEach((emitter, watch) -> {
            if (watch.sending.compareAndSet(false, true)) {
                senders.execute(() -> {
                    try {
                        emitter.send(SseEmitter.event().comment("still watching"));
                    } catch (IOException | IllegalStateException e) {
                        forget(emitter);
                    } finally {
                        watch.sending.set(false);
                    }
                });
            }
        });
    }

    private void renewSlots() {
        try {
            slots.renew(watches.values().stream().map(StreamWatch::slot).toList(), clock.instant().plus(SLOT_LEASE));
        } catch (RuntimeException e) {
            log.warn("Could not renew the slots of {} open event streams: {}", watches.size(), e.getMessage());
        }
    }

    private void sendChanges() {
        Instant now = clock.instant();
        Map<SseEmitter, StreamWatch> due = new HashMap<>();
        watches.forEach((emitter, watch) -> {
            if (!watch.nextRead.isAfter(now)) {
                due.put(emitter, watch);
            }
        });
        if (due.isEmpty()) {
            return;
        }
        Map<JobId, Job> current;
        try {
            current = jobs.findAll(due.values().stream().map(StreamWatch::jobId).distinct().toList());
        } catch (RuntimeException e) {
            // why: the database may be down for a moment; the streams wait for the next tick
            log.debug("Job streams wait: {}", e.getMessage());
            return;
        }
        due.forEach((emitter, watch) -> {
            watch.nextRead = SCHEDULE.nextRead(watch.since, now);
            Job job = current.get(watch.jobId());
            if (job == null) {
                emitter.complete();
            } else if (!Objects.equals(watch.lastSeen, job.updatedAt()) && watch.sending.compareAndSet(false, true)) {
                watch.lastSeen = job.updatedAt();
                senders.execute(() -> send(emitter, watch, job));
            }
        });
    }

    private void send(SseEmitter emitter, StreamWatch watch, Job job) {
        try {
            emitter.send(SseEmitter.event()
                    .name(job.status().isFinished() ? job.status().wireValue() : "progress")
                    .id(String.valueOf(job.updatedAt() == null ? 0 : job.updatedAt().toEpochMilli()))
                    .data(JobView.of(job)));
            if (job.status().isFinished()) {
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            // why: the client went away (or the stream ended meanwhile); forgetting the stream is all there is to do
            forget(emitter);
        } finally {
            watch.sending.set(false);
        }
    }

    /**
     * Ends every open stream (a client reconnects to another instance, or polls) — before the web
     * server's graceful shutdown, which would otherwise wait its whole timeout for streams that
     * never end by themselves.
     */
    @Override
    @PreDestroy
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        senders.shutdownNow();
        watches.keySet().forEach(emitter -> {
            emitter.complete();
            forget(emitter);
        });
    }
}
