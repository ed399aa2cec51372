package io.flowhub.bench.soak;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the soak's clients do, each in a loop until the run's end; every request is recorded. */
final class SoakTraffic {

    private static final Logger log = LoggerFactory.getLogger(SoakTraffic.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "flowhub-secret-automation-key-2025";

    private final List<String> bases;
    private final SoakMetrics metrics;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Client> clients = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

    /** @param bases the gateways' addresses; each call goes to one of them in turn */
    SoakTraffic(List<String> bases, SoakMetrics metrics) {
        this.bases = List.copyOf(bases);
        this.metrics = metrics;
    }

    private record Client(String userId, String token) {
    }

    private record Answer(int status, JsonNode body) {
    }

    void prepare(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String email = "soak-" + i + "-" + UUID.randomUUID() + "@example.com";
            String credentials = "{\"email\":\"" + email + "\",\"password\":\"soak password " + i + "\"}";
            call("register", "POST", "/api/v1/auth/register", credentials.replace("}", ",\"name\":\"Soak\"}"), Map.of());
            String token = call("login", "POST", "/api/v1/auth/login", credentials, Map.of()).body()
                    .get("data").get("token").asString();
            String userId = call("me", "GET", "/api/v1/users/me", null, Map.of("Authorization", "Bearer " + token))
                    .body().get("data").get("_id").asString();
            clients.add(new Client(userId, token));
        }
    }

    void drive(int number, Instant until) {
        Client client = clients.get(number);
        var random = new Random(number);
        var auth = Map.of("Authorization", "Bearer " + client.token());
        var internal = Map.of("x-internal-key", KEY);
        for (int loop = 0; Instant.now().isBefore(until); loop++) {
            try {
                String tag = "soak-" + number + "-" + loop;
                String run = "soak-run-" + number + "-" + loop;
                int count = 100 + random.nextInt(401);
                String items = java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> i % 2 == 0 ? "{\"name\":\"soak " + i + "\",\"tags\":[\"" + tag + "-half\"]}"
                                : "{\"name\":\"soak " + i + "\"}")
                        .collect(Collectors.joining(","));
                var inRun = new java.util.HashMap<>(auth);
                inRun.put("X-FlowHub-Run", run);
                Answer created = call("POST /items/batch", "POST", "/api/v1/items/batch", "{\"items\":[" + items
                        + "],\"tags\":[\"" + tag + "\"],\"test_data\":true}", inRun);
                if (created.status() != 201) {
                    continue;
                }
                var ids = new ArrayList<String>();
                created.body().get("data").get("items").forEach(item -> ids.add(item.get("_id").asString()));
                call("GET /items", "GET", "/api/v1/items?tags=" + tag + "&limit=50", null, auth);

                String deleteJob = call("POST /bulk-operations", "POST", "/api/v1/bulk-operations",
                        "{\"operation\":\"delete\",\"filter\":{\"tags\":[\"" + tag + "\"]}}", auth).body()
                        .get("job_id").asString();
                expectJob(deleteJob, count, auth, loop % 3 == 0);
                String restoreJob = call("POST /bulk-operations", "POST", "/api/v1/bulk-operations",
                        "{\"operation\":\"activate\",\"itemIds\":" + JSON.writeValueAsString(ids) + "}", auth).body()
                        .get("job_id").asString();
                expectJob(restoreJob, count, auth, false);
                String tagJob = call("POST /bulk-operations", "POST", "/api/v1/bulk-operations",
                        "{\"operation\":\"add_tags\",\"itemIds\":" + JSON.writeValueAsString(ids)
                                + ",\"tags\":[\"soaked\"]}", auth).body().get("job_id").asString();
                expectJob(tagJob, count, auth, loop % 3 == 1);
                String undo = call("POST /jobs/{id}/undo", "POST", "/api/v1/jobs/" + tagJob + "/undo", "", auth)
                        .body().get("job_id").asString();
                expectJob(undo, count, auth, false);

                Answer cleaned = call("POST /internal/cleanup-test-data", "POST", "/api/v1/internal/cleanup-test-data",
                        "{\"tags\":[\"" + tag + "-half\"],\"user_id\":\"" + client.userId() + "\",\"hard_delete\":true}",
                        internal);
                long half = (count + 1) / 2;
                if (cleaned.status() == 200 && cleaned.body().get("deleted_count").asLong() != half) {
                    metrics.surprise("tag cleanup of " + tag + "-half deleted " + cleaned.body().get("deleted_count")
                            + ", expected " + half);
                }
                cleanRunByItsPlan(run, count - half, internal);
                if (loop % 10 == 9) {
                    call("DELETE /internal/users/{id}/data", "DELETE", "/api/v1/internal/users/" + client.userId()
                            + "/data", null, internal);
                }
            } catch (Exception e) {
                metrics.surprise("client " + number + " loop " + loop + ": " + e);
                log.warn("Client {} loop {} failed: {}", number, loop, e.toString());
            }
        }
    }

    /** Plans the run's cleanup with a dry run, applies the plan, and checks its erasure receipt. */
    private void cleanRunByItsPlan(String run, long left, Map<String, String> internal) throws Exception {
        Answer planned = call("DELETE /internal/runs/{id}?dry_run", "DELETE", "/api/v1/internal/runs/" + run
                + "?dry_run=true&plan=true", null, internal);
        String plan = planned.body().path("plan").path("plan_id").asString();
        if (planned.status() != 200 || plan == null || plan.isEmpty()) {
            metrics.surprise("the dry run of run " + run + " answered " + planned.status() + " without a plan");
            return;
        }
        Answer applied = call("POST /internal/plans/{id}/apply", "POST", "/api/v1/internal/plans/" + plan + "/apply",
                "", internal);
        long deleted = applied.body().path("deleted").path("items").asLong(-1);
        if (applied.status() != 200 || deleted != left) {
            metrics.surprise("the plan of run " + run + " answered " + applied.status() + " and deleted " + deleted
                    + " items, expected " + left);
            return;
        }
        String job = applied.body().path("job_id").asString();
        Answer receipt = call("GET /internal/jobs/{id}/receipt", "GET", "/api/v1/internal/jobs/" + job + "/receipt",
                null, internal);
        if (receipt.status() != 200 || !receipt.body().path("data").path("verified").asBoolean(false)) {
            metrics.surprise("the receipt of run " + run + "'s cleanup is not verified: " + receipt.body());
        }
    }

    private void expectJob(String jobId, int items, Map<String, String> auth, boolean stream) throws Exception {
        JsonNode job = stream ? streamed(jobId, auth) : polled(jobId, auth);
        if (job == null) {
            metrics.surprise("job " + jobId + " did not finish within 5 minutes");
            return;
        }
        long processed = job.get("processed").asLong();
        long total = job.get("total_items").asLong();
        if (!"completed".equals(job.get("status").asString()) || processed != items
                || processed + job.get("skipped").asLong() + job.get("failed").asLong() != total) {
            metrics.surprise("job " + jobId + " ended " + job);
        }
    }

    private JsonNode polled(String jobId, Map<String, String> auth) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = call("GET /jobs/{id}", "GET", "/api/v1/jobs/" + jobId, null, auth).body().get("data");
            if (job != null && List.of("completed", "failed", "cancelled").contains(job.get("status").asString())) {
                return job;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private JsonNode streamed(String jobId, Map<String, String> auth) throws Exception {
        long start = System.nanoTime();
        var request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/jobs/" + jobId + "/events"))
                .timeout(Duration.ofMinutes(5));
        auth.forEach(request::header);
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        try (var lines = response.body()) {
            lines.anyMatch(line -> line.startsWith("event:") && !line.contains("progress"));
        }
        metrics.record("GET /jobs/{id}/events (whole stream)", response.statusCode(),
                (System.nanoTime() - start) / 1e6, "");
        return polled(jobId, auth);
    }

    /** @return the next gateway, in turn: a client's job is created on one gateway and followed on the other */
    private String base() {
        return bases.get(Math.floorMod(turn.getAndIncrement(), bases.size()));
    }

    private Answer call(String kind, String method, String path, String json, Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120));
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        metrics.record(kind, response.statusCode(), (System.nanoTime() - start) / 1e6,
                response.statusCode() >= 500 ? response.body() : "");
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }
}
