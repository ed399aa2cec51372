package io.flowhub.gateway.system;

import io.flowhub.embedded.InProcessServices;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Limits that answer a 4xx saying which limit, before the request costs more than its check. */
@ExtendWith(FlowHubStackExtension.class)
class RequestLimitsIntegrationTests {

    private static final int MAX_BODY = 1024 * 1024;

    private final TestStack stack;
    private final GatewayClient editor;

    RequestLimitsIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.editor = stack.newEditor().gateway();
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeItIsParsedWhetherItsLengthIsDeclaredOrNot() {
        byte[] tooLarge = ("{\"name\":\"" + "x".repeat(MAX_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);

        var declared = editor.post("/api/v1/items", HttpRequest.BodyPublishers.ofByteArray(tooLarge));
        var chunked = editor.post("/api/v1/items",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)));
        var broken = editor.post("/api/v1/items", HttpRequest.BodyPublishers.ofString("{" + " ".repeat(MAX_BODY)));

        for (var answer : new GatewayClient.Response[] {declared, chunked, broken}) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asString()).contains("at most " + MAX_BODY + " bytes");
        }
    }

    @Test
    void whatTomcatRefusesItselfIsProblemDetailsSayingWhatToFix() throws Exception {
        // why: over HTTP/1.1, as curl sends; an HTTP/2 connection answers an oversized header block by closing
        var http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var longUrl = http1.send(HttpRequest.newBuilder(editor.uri("/api/v1/items?q=" + "a".repeat(20_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        var encodedSlash = http1.send(HttpRequest.newBuilder(editor.uri("/api/v1/items/%2F/activity")).build(),
                HttpResponse.BodyHandlers.ofString());
        var nul = http1.send(HttpRequest.newBuilder(editor.uri("/api/v1/items/%00")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(longUrl.statusCode()).isEqualTo(400);
        assertThat(longUrl.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(longUrl.body()).contains("longer than the gateway accepts");
        for (var answer : List.of(encodedSlash, nul)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("encode path values").doesNotContain("Tomcat", "<html");
        }
    }

    @Test
    void aJobByIdListTakesAtMostTenThousandIdsAndSaysSo() {
        var ids = IntStream.range(0, 10_001).mapToObj(i -> "\"" + new ObjectId() + "\"").toList();

        var answer = editor.post("/api/v1/bulk-operations",
                "{\"operation\":\"delete\",\"item_ids\":[" + String.join(",", ids) + "]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("at most 10000 ids", "filter");
    }

    @Test
    void aLargeFirstRequestOfAClientThatAsksForHttp2IsServed() {
        try (var gateway = stack.startGateway()) {
            TestUser user = stack.newEditor();
            var ids = IntStream.range(0, 5_000).mapToObj(i -> "\"" + new ObjectId() + "\"").toList();
            var fresh = HttpClient.newBuilder().build();

            var answer = fresh.sendAsync(HttpRequest.newBuilder(
                                    GatewayClient.anonymousOn(gateway.gatewayPort()).uri("/api/v1/bulk-operations"))
                            .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"operation\":\"delete\",\"item_ids\":[" + String.join(",", ids) + "]}"))
                            .build(), HttpResponse.BodyHandlers.ofString())
                    .join();

            assertThat(answer.statusCode()).isEqualTo(202);
        }
    }

    @Test
    void aCallerOverItsOpenEventStreamsGetsA429FromEveryGatewayUntilItClosesOne() throws Exception {
        TestUser user = stack.newEditor();
        ObjectId first = unfinishedJobOf(user);
        ObjectId second = unfinishedJobOf(user);
        try (var one = stack.startGateway("--flowhub.gateway.max-streams-per-caller=1");
                var other = stack.startGateway("--flowhub.gateway.max-streams-per-caller=1")) {
            // why: one connection per stream, as browsers' EventSource over HTTP/1.1 opens them; over h2c the JDK client
            // resets each stream it stops reading, and Tomcat's overhead protection may close the shared connection
            // under a request still in flight, which is not what this test is about
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var open = client.sendAsync(stream(one, user, first), HttpResponse.BodyHandlers.ofInputStream()).join();
            assertThat(open.statusCode()).isEqualTo(200);

            var refusedHere = GatewayClient.anonymousOn(one.gatewayPort()).withToken(user.token())
                    .get("/api/v1/jobs/" + second + "/events");
            var refusedThere = GatewayClient.anonymousOn(other.gatewayPort()).withToken(user.token())
                    .get("/api/v1/jobs/" + second + "/events");
            var someoneElse = client.sendAsync(stream(other, stack.newEditor(), null),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(refusedHere.status()).isEqualTo(429);
            assertThat(refusedHere.header("Retry-After")).isNotBlank();
            assertThat(refusedHere.json().get("detail").asString()).contains("1 job event streams open");
            assertThat(refusedThere.status()).isEqualTo(429);
            assertThat(someoneElse.join().statusCode()).isEqualTo(404);
            open.body().close();
            // why: the first gateway notices the closed stream at its next heartbeat and gives back its slot
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                var again = client.sendAsync(stream(other, user, second), HttpResponse.BodyHandlers.ofInputStream()).join();
                again.body().close();
                return again.statusCode() == 200;
            });
        } finally {
            stack.database().getCollection("jobs").updateMany(in("_id", List.of(first, second)),
                    new Document("$set", new Document("status", "cancelled").append("finished_at", new Date())));
        }
    }

    @Test
    void callsRefusedForTheirKeyAreCountedInOneExpiringRowPerMinuteNotOneRowEach() {
        var audit = stack.database().getCollection("audit_logs");
        var refused = and(eq("outcome", "denied: wrong key"), gte("at", Date.from(Instant.now().minusSeconds(1))));
        GatewayClient wrongKey = stack.anonymous().withHeader("x-internal-key", "not-the-key-" + UUID.randomUUID());

        for (int call = 0; call < 30; call++) {
            assertThat(wrongKey.post("/api/v1/internal/reset", "{}").status()).isEqualTo(401);
        }

        var rows = audit.find(refused).into(new java.util.ArrayList<Document>());
        assertThat(rows).hasSizeBetween(1, 2);
        assertThat(rows.stream().mapToInt(row -> row.getInteger("count")).sum()).isEqualTo(30);
        Instant expires = rows.getFirst().getDate("expires_at").toInstant();
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
        assertThat(rows.getFirst().getString("endpoint")).isEqualTo("POST /api/v1/internal/reset");
    }

    private ObjectId unfinishedJobOf(TestUser user) {
        ObjectId jobId = new ObjectId();
        Date now = new Date();
        // why: a job held by a worker that reports (a heartbeat ahead of now) runs on: a stream on it stays open
        stack.database().getCollection("jobs").insertOne(new Document("_id", jobId).append("kind", "bulk")
                .append("operation", "delete").append("owner_id", user.id())
                .append("command_id", UUID.randomUUID().toString()).append("status", "running").append("progress", 0)
                .append("total_items", 1L).append("attempts", 1).append("worker_id", "a-worker-elsewhere")
                .append("heartbeat_at", Date.from(Instant.now().plus(Duration.ofDays(1))))
                .append("created_at", now).append("updated_at", now));
        return jobId;
    }

    private static HttpRequest stream(InProcessServices gateway, TestUser user, ObjectId jobId) {
        return HttpRequest.newBuilder(GatewayClient.anonymousOn(gateway.gatewayPort())
                        .uri("/api/v1/jobs/" + (jobId == null ? new ObjectId() : jobId) + "/events"))
                .header("Authorization", "Bearer " + user.token()).header("Accept", "text/event-stream").GET().build();
    }

}
