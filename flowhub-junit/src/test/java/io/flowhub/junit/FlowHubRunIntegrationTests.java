package io.flowhub.junit;

import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import io.flowhub.junit.sample.KilledRunMain;
import io.flowhub.junit.sample.SampleSuite;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs the sample suite ({@code io.flowhub.junit.sample}) through the JUnit Platform, its classes in
 * parallel, against the stack, and checks what {@code @FlowHubRun} promises: each class's data is
 * gone after it, nobody else's is touched, a failed class keeps its data when asked to, a
 * suite-wide run is shared and cleaned once, and a test JVM killed mid-run leaves its run to its lease.
 */
@ExtendWith(FlowHubStackExtension.class)
class FlowHubRunIntegrationTests {

    private final TestStack stack;

    FlowHubRunIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void theSampleClassesRunInParallelAndEachLeavesNothingOfItsOwnAndTouchesNoOneElses() {
        TestUser bystander = stack.newEditor();
        List<String> unrun = anItem().taggedAsTestData().createIn(bystander.gateway(), 3);
        String otherRun = "bystander-" + UUID.randomUUID();
        anItem().taggedAsTestData().createIn(bystander.gateway().withHeader("X-FlowHub-Run", otherRun), 2);

        EngineExecutionResults results = run(SampleSuite.PASSING);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(items(regex("run_id", "^(CheckoutSample|InventorySample)-"))).isZero();
        assertThat(stack.database().getCollection("users").countDocuments(regex("run_id", "^CheckoutSample-")))
                .isZero();
        assertThat(stack.database().getCollection("runs").countDocuments(regex("_id", "^(CheckoutSample|InventorySample)-")))
                .isZero();
        assertThat(items(and(regex("run_id", "^ProfileSample-"), eq("is_active", true)))).isZero();
        assertThat(items(regex("run_id", "^ProfileSample-"))).isEqualTo(1);
        assertThat(items(eq("run_id", otherRun))).isEqualTo(2);
        assertThat(unrun).allSatisfy(id -> assertThat(items(and(eq("_id", new ObjectId(id)), eq("is_active", true))))
                .isEqualTo(1));
    }

    @Test
    void aFailedClassThatAsksToKeepItsDataKeepsItForAPersonToLookAt() {
        EngineExecutionResults results = run(SampleSuite.FAILING);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(items(regex("run_id", "^KeptOnFailureSample-"))).isEqualTo(1);
        stack.database().getCollection("items").deleteMany(regex("run_id", "^KeptOnFailureSample-"));
    }

    @Test
    void classesOfASuiteWideRunShareOneRunIdCleanedUpOnceAfterThemAll() {
        EngineExecutionResults results = run(SampleSuite.SUITE_WIDE);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(SampleSuite.suiteRunIds()).hasSize(1);
        String run = SampleSuite.suiteRunIds().iterator().next();
        assertThat(run).startsWith("suite-");
        assertThat(items(eq("run_id", run))).isZero();
    }

    @Test
    void aKilledTestJvmLeavesItsRunToItsLeaseAndTheReaperCleansItUp() throws Exception {
        Path runs = Files.createTempFile("killed-run-", ".txt");
        var jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Dflowhub.sample.runs=" + runs, "-cp", System.getProperty("java.class.path"),
                KilledRunMain.class.getName(), stack.gatewayUrl(), stack.internalKey()).redirectErrorStream(true)
                .start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(jvm.exitValue()).as(output).isEqualTo(137);
        String run = Files.readString(runs).strip();
        assertThat(items(eq("run_id", run))).as(output).isOne();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(items(eq("run_id", run))).isZero();
            assertThat(stack.database().getCollection("users").countDocuments(eq("run_id", run))).isZero();
            assertThat(stack.database().getCollection("runs").countDocuments(eq("_id", run))).isZero();
        });
    }

    private EngineExecutionResults run(List<Class<?>> classes) {
        var kit = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("flowhub.url", stack.gatewayUrl())
                .configurationParameter("flowhub.internal-key", stack.internalKey())
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "3");
        classes.forEach(type -> kit.selectors(selectClass(type)));
        return kit.execute();
    }

    private long items(Bson filter) {
        return stack.database().getCollection("items").countDocuments(filter);
    }
}
