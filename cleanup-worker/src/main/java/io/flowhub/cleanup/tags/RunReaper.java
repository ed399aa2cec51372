package io.flowhub.cleanup.tags;

import io.flowhub.events.CleanupRun;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.Topics;
import io.flowhub.store.run.RunLeases;
import io.flowhub.store.run.RunLeases.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Cleans up the runs whose lease ran out — a suite killed or cancelled before its own cleanup — with a hard run
 * cleanup owned by the schedule, as any other: a job with its ledger and receipt. The command id is made from
 * the run and the lease's end, so every worker instance and every sweep that sees the same lapsed lease sends
 * the same command, which makes one job; a lease set again afterwards is a new lease.
 */
@Component
public class RunReaper {

    /** Who asks for a reaped run's cleanup, as the contract names the schedule. */
    public static final String REQUESTED_BY = "schedule";
    private static final Logger log = LoggerFactory.getLogger(RunReaper.class);

    private final RunLeases leases;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    RunReaper(RunLeases leases, KafkaTemplate<String, Object> kafka, Clock clock) {
        this.leases = leases;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Sends the cleanup of each run whose lease has run out. */
    public void reap() {
        for (Lease lease : leases.expired()) {
            UUID commandId = UUID.nameUUIDFromBytes(("reap " + lease.runId() + " " + lease.expiresAt().toEpochMilli())
                    .getBytes(StandardCharsets.UTF_8));
            var command = new CleanupRun(SchemaVersion.CURRENT, commandId, null, REQUESTED_BY, false, lease.runId(),
                    true, clock.instant());
            log.info("The lease of run {} ran out at {}; cleaning it up (command {})", lease.runId(),
                    lease.expiresAt(), commandId);
            kafka.send(Topics.CLEANUP_COMMANDS, command.key(), command);
        }
    }
}
