package io.flowhub.system;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.events.Topics;
import io.flowhub.testing.Executables;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import io.flowhub.testing.WaitingJobs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console at {@code /console} in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code ./flowhub test} installs where it can; without them these tests are skipped, saying so): an operator
 * signs in with the internal key and watches a job's bar reach 100 %, cancels a queued job; an EDITOR signs in with
 * a password and undoes its soft delete; an ADMIN replays a dead letter and reads the audit log. Every step leaves a
 * screenshot under {@code local-stack/target/console-screenshots}.
 */
@ExtendWith(FlowHubStackExtension.class)
class ConsoleBrowserIntegrationTests {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger SHOTS = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WebDriver browser;

    private final TestStack stack;

    ConsoleBrowserIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    static void startChromium() throws IOException {
        Optional<Path> chromium = Executables.find("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = Executables.find("CHROMEDRIVER", "chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), "The console's browser tests were skipped:"
                + " no Chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver, which"
                + " ./flowhub test does where apt-get may run; or set CHROME_BIN and CHROMEDRIVER)");
        Files.createDirectories(SCREENSHOTS);
        var options = new ChromeOptions().setBinary(chromium.get().toFile());
        // why: as root in a container Chromium needs --no-sandbox; the network flags keep it from calling out to
        // Google's services, which a closed network refuses many times a second
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1500,1000",
                "--user-data-dir=" + Files.createTempDirectory("flowhub-console-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openTheConsoleSignedOut() {
        browser.get(stack.gatewayUrl() + "/console");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    @Test
    void anOperatorSignsInWithTheInternalKeyAndWatchesAJobsBarReachAHundredPercent() {
        shot("sign-in");
        signInWithKey();
        shot("signed-in-as-operator");
        TestUser user = stack.newEditor();
        List<String> ids = anItem().createIn(user.gateway(), 120);

        String jobId = user.gateway().post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"itemIds\":"
                + JSON.writeValueAsString(ids) + "}").json().get("job_id").asString();

        WebElement row = waitFor(ExpectedConditions.presenceOfElementLocated(jobRow(jobId)));
        shot("job-started");
        waitFor(driver -> "100".equals(row.findElement(By.tagName("progress")).getDomProperty("value"))
                && "completed".equals(row.getDomAttribute("data-status")));
        assertThat(row.findElement(By.className("percent")).getText()).isEqualTo("100 %");
        assertThat(cell(row, 6)).isEqualTo("120");
        shot("job-bar-at-100-percent");

        row.findElement(By.className("job-link")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("job-detail")));
        waitFor(driver -> !browser.findElements(By.cssSelector("#ledger tbody tr")).isEmpty());
        assertThat(browser.findElement(By.id("detail-fields")).getText()).contains("processed", "120");
        shot("job-details-and-ledger");
    }

    @Test
    void anOperatorCancelsAQueuedJob() {
        // why: a job waiting for a worker (behind a long queue, say) that nothing will run before the console's
        // cancel, so the test does not race a worker (a cleanup job: the fair-share tests watch the bulk queue)
        String jobId = WaitingJobs.record(stack.database(), "cleanup", "purge_user_data", Instant.now());
        signInWithKey();
        pick("filter-status", "queued");
        browser.findElement(By.id("apply-filters")).click();

        WebElement row = waitFor(ExpectedConditions.presenceOfElementLocated(jobRow(jobId)));
        shot("queued-job");
        row.findElement(By.className("cancel")).click();
        waitFor(ExpectedConditions.alertIsPresent()).accept();

        waitFor(driver -> "cancelled".equals(row.getDomAttribute("data-status")));
        assertThat(browser.findElement(By.id("message")).getText()).contains("cancelled");
        assertThat(FinishedJobs.document(stack.database(), new ObjectId(jobId)).getString("status"))
                .isEqualTo("cancelled");
        shot("job-cancelled");
    }

    @Test
    void anEditorSignsInWithAPasswordAndUndoesItsSoftDelete() {
        TestUser user = stack.newEditor();
        List<String> ids = anItem().createIn(user.gateway(), 7);
        String deleteJob = user.gateway().post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"itemIds\":"
                + JSON.writeValueAsString(ids) + "}").json().get("job_id").asString();
        signInWithPassword(user);
        assertThat(browser.findElement(By.cssSelector("nav button[data-view=audit]")).isDisplayed()).isFalse();

        WebElement row = waitFor(ExpectedConditions.presenceOfElementLocated(jobRow(deleteJob)));
        waitFor(driver -> "completed".equals(row.getDomAttribute("data-status")));
        shot("editor-sees-its-job");
        waitFor(ExpectedConditions.elementToBeClickable(row.findElement(By.className("undo")))).click();
        waitFor(ExpectedConditions.alertIsPresent()).accept();

        String message = waitFor(driver -> {
            String text = driver.findElement(By.id("message")).getText();
            return text.startsWith("Undo of") ? text : null;
        });
        String undoJob = message.substring(message.lastIndexOf(' ') + 1).replace(".", "");
        WebElement undoRow = waitFor(ExpectedConditions.presenceOfElementLocated(jobRow(undoJob)));
        waitFor(driver -> "completed".equals(undoRow.getDomAttribute("data-status"))
                && "100".equals(undoRow.findElement(By.tagName("progress")).getDomProperty("value")));
        assertThat(cell(undoRow, 2)).isEqualTo("undo of " + deleteJob);
        assertThat(cell(undoRow, 6)).isEqualTo("7");
        assertThat(stack.database().getCollection("items").countDocuments(and(
                in("_id", ids.stream().map(ObjectId::new).toList()), eq("is_active", true)))).isEqualTo(7);
        shot("undo-done");
    }

    @Test
    void anAdminReplaysADeadLetterWhoseJobThenCompletesAndReadsTheAuditLog() throws Exception {
        TestUser user = stack.newEditor();
        List<String> ids = anItem().createIn(user.gateway(), 3);
        String commandId = UUID.randomUUID().toString();
        // why: the state a valid command leaves that was dead-lettered while the database was down for longer than
        // the worker retries; as an outside producer sends it, without a job id
        sendToDeadLetters(JSON.writeValueAsString(Map.of("type", "SoftDeleteItems", "schema_version", 1,
                "command_id", commandId, "owner_id", user.id(), "restrict_to_owner", true, "item_ids", ids)));
        TestUser admin = stack.admin();
        signInWithPassword(admin);
        browser.findElement(By.cssSelector("nav button[data-view=dlt]")).click();

        // why: the record reaches the topic's end a moment after it was sent; the list is read again until it shows
        By letter = waitFor(driver -> {
            var shown = driver.findElements(By.cssSelector("#dead-letters tr.dead-letter")).stream()
                    .filter(row -> row.getText().contains(commandId)).findFirst();
            if (shown.isPresent()) {
                return By.cssSelector("#dead-letters tr.dead-letter[data-partition='"
                        + shown.get().getDomAttribute("data-partition") + "'][data-offset='"
                        + shown.get().getDomAttribute("data-offset") + "']");
            }
            WebElement refresh = driver.findElement(By.id("refresh-dlt"));
            if (refresh.isEnabled()) {
                refresh.click();
            }
            return null;
        });
        String shown = waitFor(driver -> driver.findElement(letter).getText());
        assertThat(shown).contains("MongoTimeoutException");
        shot("dead-letters");
        waitFor(driver -> {
            driver.findElement(letter).findElement(By.className("replay")).click();
            return true;
        });
        waitFor(ExpectedConditions.alertIsPresent()).accept();

        waitFor(driver -> driver.findElement(By.id("message")).getText().startsWith("Replayed"));
        Document job = waitFor(driver -> {
            Document found = stack.database().getCollection("jobs").find(eq("command_id", commandId)).first();
            return found != null && "completed".equals(found.getString("status")) ? found : null;
        });
        assertThat(job.get("processed", 0L)).isEqualTo(3);
        waitFor(driver -> driver.findElements(By.cssSelector("#dead-letters tr.dead-letter")).stream()
                .anyMatch(row -> row.getText().contains(commandId) && !cell(row, 6).isEmpty()));
        shot("dead-letter-replayed");

        browser.findElement(By.cssSelector("nav button[data-view=jobs]")).click();
        browser.findElement(By.id("filter-owner")).sendKeys(user.id());
        browser.findElement(By.id("apply-filters")).click();
        WebElement row = waitFor(ExpectedConditions.presenceOfElementLocated(jobRow(job.getObjectId("_id")
                .toHexString())));
        waitFor(driver -> "completed".equals(row.getDomAttribute("data-status")));
        shot("replayed-job-completed");

        browser.findElement(By.cssSelector("nav button[data-view=audit]")).click();
        waitFor(driver -> driver.findElements(By.cssSelector("#audit tbody tr")).stream()
                .anyMatch(entry -> entry.getText().contains("/replay") && entry.getText().contains(admin.id())));
        shot("audit-log");
    }

    @Test
    void anAdminSeesTheRunsWithWhatTheyHoldAndTheirLease() {
        String leased = "console-run-" + UUID.randomUUID();
        anItem().createIn(stack.newEditor().gateway().withHeader("X-FlowHub-Run", leased), 2);
        stack.internal().put("/api/v1/internal/runs/" + leased, "{\"ttl_seconds\":600}");
        signInWithPassword(stack.admin());

        browser.findElement(By.cssSelector("nav button[data-view=runs]")).click();

        WebElement run = waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#runs tr.run[data-run-id='" + leased + "']")));
        assertThat(cell(run, 1)).isEqualTo("2");
        assertThat(cell(run, 6)).isNotEqualTo("no lease").isNotBlank();
        shot("runs");
    }

    // ---- steps and waits ----

    private void signInWithKey() {
        browser.findElement(By.id("internal-key")).sendKeys(stack.internalKey());
        browser.findElement(By.id("key-sign-in")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("operator (internal key)");
    }

    private void signInWithPassword(TestUser user) {
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("password-sign-in")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        assertThat(browser.findElement(By.id("who")).getText()).startsWith(user.email());
    }

    private void pick(String selectId, String value) {
        new Select(browser.findElement(By.id(selectId))).selectByVisibleText(value);
    }

    private static By jobRow(String jobId) {
        return By.cssSelector("#jobs tr[data-job-id='" + jobId + "']");
    }

    private static String cell(WebElement row, int index) {
        return row.findElements(By.tagName("td")).get(index).getText();
    }

    private static <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        // why: the console redraws a list it refreshes, so an element read a moment ago may be gone
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Keeps what the browser shows now as {@code NN-name.png} under {@link #SCREENSHOTS}. */
    private static void shot(String name) {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(SCREENSHOTS.resolve("%02d-%s.png".formatted(SHOTS.incrementAndGet(), name)), png);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the screenshot " + name, e);
        }
    }

    private void sendToDeadLetters(String value) throws Exception {
        var settings = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            var headers = new RecordHeaders();
            headers.add("x-flowhub-dlt-reason", "MongoTimeoutException: timed out after 30 s"
                    .getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(Topics.deadLetter(Topics.BULK_COMMANDS), null, "console-test", value,
                    headers)).get();
        }
    }
}
