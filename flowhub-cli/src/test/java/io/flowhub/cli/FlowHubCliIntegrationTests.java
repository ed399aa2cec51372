package io.flowhub.cli;

import io.flowhub.embedded.InProcessServices;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.JarProcess;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code flowhub} against the real stack: cleanups, undo and receipts, JSON, exit codes, and the progress bar. */
@ExtendWith(FlowHubStackExtension.class)
class FlowHubCliIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;

    FlowHubCliIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aRunIsPlannedCleanedUpSoftlyUndoneAndThePlanAppliedWithAVerifiedReceipt() {
        String run = runWithItems(3);

        Result dryRun = flowhub("cleanup", "run", run, "--dry-run", "--plan", "--no-wait", "--json");
        Result soft = flowhub("cleanup", "run", run, "--soft", "--json");
        Result undo = flowhub("jobs", "undo", soft.json().get("job_id").asString(), "--json");
        Result applied = flowhub("plans", "apply", dryRun.json().get("plan").get("plan_id").asString(), "--json");
        Result receipt = flowhub("receipt", applied.json().get("job_id").asString(), "--json");

        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        assertThat(dryRun.json().get("plan").get("counts").get("items").asLong()).isEqualTo(3);
        assertThat(soft.json().get("status").asString()).isEqualTo("completed");
        assertThat(soft.json().get("result").get("items").asLong()).isEqualTo(3);
        assertThat(undo.code()).as(undo.err()).isZero();
        assertThat(undo.json().get("undoes").asString()).isEqualTo(soft.json().get("job_id").asString());
        assertThat(undo.json().get("processed").asLong()).isEqualTo(3);
        assertThat(applied.code()).as(applied.err()).isZero();
        assertThat(applied.json().get("result").get("items").asLong()).isEqualTo(3);
        assertThat(receipt.code()).isZero();
        assertThat(receipt.json().get("verified").asBoolean()).isTrue();
        assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).isZero();
    }

    @Test
    void aReceiptThatIsNotVerifiedExitsOne() {
        String run = runWithItems(1);
        String job = flowhub("cleanup", "run", run, "--json").json().get("job_id").asString();
        runWithItems(1, run);

        Result receipt = flowhub("receipt", job);

        assertThat(receipt.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(receipt.out()).contains("NOT verified");
    }

    @Test
    void exitCodesSayUsageErrorWrongKeyAndRefusedByPolicy() {
        Result malformed = flowhub("cleanup", "item", "not-an-id");
        Result wrongKey = run(new String[] {"cleanup", "run", "x", "--key", "guess", "--url", stack.gatewayUrl()});
        String key = "production-" + UUID.randomUUID();
        try (InProcessServices production = stack.startGateway("--flowhub.environment=production",
                "--flowhub.internal-key=" + key, "--flowhub.auth.jwt-secret=" + "production-secret-".repeat(3),
                "--flowhub.auth.bootstrap-admin.password=" + UUID.randomUUID())) {
            Result refused = run(new String[] {"cleanup", "run", "x", "--key", key,
                    "--url", "http://localhost:" + production.gatewayPort()});

            assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(refused.err()).contains("403");
        }

        assertThat(malformed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("not a valid item id");
        assertThat(wrongKey.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(wrongKey.err()).contains("401");
    }

    @Test
    void aUsersJobsAreListedWithItsTokenAndAnyonesWithTheKeyNarrowedByKindStatusAndOwner() {
        TestUser user = stack.newEditor();
        String item = user.gateway().post("/api/v1/items", "{\"name\":\"listed\"}").data().get("_id").asString();
        String job = user.gateway().delete("/api/v1/items?tags=none-" + UUID.randomUUID()).json().get("job_id")
                .asString();

        Result listed = run(new String[] {"jobs", "list", "--json", "--url", stack.gatewayUrl(), "--token",
                user.token()});
        Result byOwner = flowhub("jobs", "list", "--owner", user.id(), "--kind", "bulk", "--json");
        Result noCleanups = flowhub("jobs", "list", "--owner", user.id(), "--kind", "cleanup", "--json");
        Result ownerWithToken = run(new String[] {"jobs", "list", "--url", stack.gatewayUrl(), "--token",
                user.token(), "--owner", user.id()});
        Result badStatus = flowhub("jobs", "list", "--status", "done");

        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("operation").asString()).isEqualTo("delete");
        assertThat(byOwner.code()).as(byOwner.err()).isZero();
        assertThat(byOwner.json()).hasSize(1);
        assertThat(byOwner.json().get(0).get("job_id").asString()).isEqualTo(job);
        assertThat(noCleanups.json()).isEmpty();
        assertThat(ownerWithToken.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ownerWithToken.err()).contains("--owner needs the internal key");
        assertThat(badStatus.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badStatus.err()).contains("status must be one of");
        assertThat(item).hasSize(24);
    }

    @Test
    void theProgressBarIsDrawnOnATerminalAndReachesTheEnd() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script),
                "No /usr/bin/script (util-linux) to give the command line a pseudo-terminal: the progress bar is not tested");
        Path jar = JarProcess.built("flowhub-cli").orElse(null);
        Assumptions.assumeTrue(jar != null, "The executable jar is not built (run through mvn verify): "
                + "the progress bar is not tested");
        String run = runWithItems(250);
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = String.join(" ", java, "-jar", jar.toAbsolutePath().toString(), "cleanup", "run", run,
                "--url", stack.gatewayUrl(), "--key", stack.internalKey());

        Process process = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(terminal).isZero();
        assertThat(terminal).contains("100%").contains("250/250").contains("█").contains("completed");
        assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).isZero();
    }

    @Test
    void runsAreListedShownAndTheirLeaseExtended() {
        String run = runWithItems(3);

        Result extended = flowhub("runs", "extend", run, "--ttl", "10m", "--json");
        Result shown = flowhub("runs", "show", run);
        Result listed = flowhub("runs", "list", "--json");
        Result badTtl = flowhub("runs", "extend", run, "--ttl", "soon");

        assertThat(extended.code()).as(extended.err()).isZero();
        assertThat(extended.json().get("run_id").asString()).isEqualTo(run);
        assertThat(extended.json().get("expires_at").asString()).isNotBlank();
        assertThat(shown.out()).contains(run, "3 items", "lease until");
        assertThat(listed.out()).contains(run);
        assertThat(badTtl.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTtl.err()).contains("10m");
    }

    private String runWithItems(int count) {
        return runWithItems(count, "cli-" + UUID.randomUUID());
    }

    private String runWithItems(int count, String run) {
        TestUser user = stack.newEditor();
        var items = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            items.add("{\"name\":\"cli " + i + "\"}");
        }
        for (int from = 0; from < items.size(); from += 1000) {
            var response = user.gateway().withHeader("X-FlowHub-Run", run).post("/api/v1/items/batch",
                    "{\"items\":[" + String.join(",", items.subList(from, Math.min(items.size(), from + 1000))) + "]}");
            assertThat(response.status()).as(response.text()).isEqualTo(201);
        }
        return run;
    }

    private Result flowhub(String... arguments) {
        var all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--url", stack.gatewayUrl(), "--key", stack.internalKey()));
        return run(all.toArray(String[]::new));
    }

    private static Result run(String[] arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = FlowHubCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(arguments);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }
}
