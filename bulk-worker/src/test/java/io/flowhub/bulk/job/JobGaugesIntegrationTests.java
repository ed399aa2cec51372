package io.flowhub.bulk.job;

import io.flowhub.engine.JobGauges;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.WaitingJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the stuck-jobs alert reads: bulk-worker's sweep counts a queued job nobody has written for
 * {@link JobGauges#STUCK_AFTER_LEASES} leases in {@code flowhub_jobs_stuck}, and stops counting it once it is cancelled.
 */
@ExtendWith(FlowHubStackExtension.class)
class JobGaugesIntegrationTests {

    private final TestStack stack;

    JobGaugesIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aQueuedJobNobodyHasWrittenForFiveLeasesIsCountedStuckUntilItIsCancelled() {
        GatewayClient worker = GatewayClient.anonymousOn(stack.services().bulkWorkerPort());
        double before = gauge(worker, "flowhub_jobs_stuck{");
        // why: the state a job is in when its command never reached a worker and nothing sent it again (its outbox
        // entry lost with the database's disk, say): queued, unwritten since
        String jobId = WaitingJobs.record(stack.database(), "bulk", "delete",
                Instant.now().minus(TestStack.LEASE.multipliedBy(JobGauges.STUCK_AFTER_LEASES + 1)));

        double with = await().atMost(Duration.ofSeconds(30)).until(() -> gauge(worker, "flowhub_jobs_stuck{"),
                stuck -> stuck >= before + 1);
        assertThat(gauge(worker, "flowhub_jobs_unfinished{")).isPositive();
        var cancelled = stack.internal().post("/api/v1/internal/jobs/" + jobId + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge(worker, "flowhub_jobs_stuck{") == with - 1);
    }

    /** @return the sum of the samples whose line starts with {@code prefix} on the worker's Prometheus page */
    private static double gauge(GatewayClient worker, String prefix) {
        return worker.get("/actuator/prometheus").text().lines()
                .filter(line -> line.startsWith(prefix) && line.contains("kind=\"bulk\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
