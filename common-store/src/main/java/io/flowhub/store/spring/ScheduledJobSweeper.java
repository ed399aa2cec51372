package io.flowhub.store.spring;

import io.flowhub.store.job.JobSweeper;
import io.flowhub.store.job.JobWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a worker's {@link JobSweeper} every sweep interval while the worker runs, publishing with its Kafka template. */
class ScheduledJobSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobSweeper.class);
    private static final long ACKNOWLEDGED_WITHIN_SECONDS = 10;

    private final JobSweeper sweeper;
    private final JobWorker worker;
    private final KafkaTemplate<String, Object> kafka;
    private ScheduledExecutorService scheduler;

    ScheduledJobSweeper(JobSweeper sweeper, JobWorker worker, KafkaTemplate<String, Object> kafka) {
        this.sweeper = sweeper;
        this.worker = worker;
        this.kafka = kafka;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(worker.kind().wireValue() + "-job-sweeper").daemon().factory());
        long every = worker.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            sweeper.sweep((key, command) -> {
                try {
                    kafka.send(worker.commandTopic(), key, command).get(ACKNOWLEDGED_WITHIN_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending a command again", e);
                } catch (Exception e) {
                    throw new IllegalStateException("Kafka did not take the command: " + e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            // why: the database or Kafka may be down for a while; the next sweep tries again
            log.warn("The job sweep did not finish: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
