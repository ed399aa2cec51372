package io.flowhub.cleanup;

import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.engine.EngineSettings;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.PolicySettings;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule and the environment policy agree: nothing is scheduled that the policy would refuse. */
class CleanupScheduleTests {

    private static final String RETENTION = "0 30 3 * * *";
    private static final String ORPHAN_SWEEP = "0 15 * * * *";

    @Test
    void productionSchedulesNoRetentionSinceItRefusesHardDeletesButStillSweepsOrphanFiles() {
        assertThat(cronsScheduledIn("production")).containsExactly(ORPHAN_SWEEP);
    }

    @Test
    void stagingSchedulesRetentionAndTheOrphanSweep() {
        assertThat(cronsScheduledIn("staging")).containsExactlyInAnyOrder(RETENTION, ORPHAN_SWEEP);
    }

    private static List<String> cronsScheduledIn(String environment) {
        var settings = new CleanupWorkerSettings(30, Duration.ofHours(1), RETENTION, ORPHAN_SWEEP, Duration.ofSeconds(60),
                Duration.ofSeconds(15));
        var engine = new EngineSettings(5000, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(1), "test-worker");
        var policy = new EnvironmentPolicy(new PolicySettings(environment, "a-strong-internal-key-of-more-than-32-chars", false));
        var registrar = new ScheduledTaskRegistrar();

        new CleanupSchedule(null, settings, engine, null, policy, null, null, null, null, Clock.systemUTC()).configureTasks(registrar);

        return registrar.getCronTaskList().stream().map(task -> ((CronTrigger) task.getTrigger()).getExpression()).toList();
    }
}
