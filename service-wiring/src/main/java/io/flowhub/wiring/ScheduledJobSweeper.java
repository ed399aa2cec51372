package io.flowhub.wiring;

import io.flowhub.engine.CommandTopic;
import io.flowhub.engine.JobGauges;
import io.flowhub.engine.JobSweeper;
import io.flowhub.engine.JobWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a worker's {@link JobSweeper} every sweep interval while the worker runs, publishing to its command topic, and
 * then refreshes its {@link JobGauges}.
 */
class ScheduledJobSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobSweeper.class);

    private final JobSweeper sweeper;
    private final JobGauges gauges;
    private final JobWorker worker;
    private final CommandTopic topic;
    private ScheduledExecutorService scheduler;

    ScheduledJobSweeper(JobSweeper sweeper, JobGauges gauges, JobWorker worker, CommandTopic topic) {
        this.sweeper = sweeper;
        this.gauges = gauges;
        this.worker = worker;
        this.topic = topic;
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
            sweeper.sweep(topic);
            gauges.refresh();
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
