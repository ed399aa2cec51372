package io.flowhub.bench.races;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calls to one gateway instance, each written to the round's history with what it answered; a call that got no
 * answer at all is recorded with status 0.
 */
final class RaceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What one call answered. */
    record Answer(String operation, int gateway, String method, String path, int status, JsonNode body) {

        String text(String field) {
            JsonNode value = body.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asString();
        }
    }

    private final int number;
    private final int port;
    private final List<Answer> history;

    RaceClient(int number, int port, List<Answer> history) {
        this.number = number;
        this.port = port;
        this.history = history;
    }

    int number() {
        return number;
    }

    Answer send(String operation, String method, String path, String json, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        Answer answer;
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            answer = new Answer(operation, number, method, path, response.statusCode(), body);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            answer = new Answer(operation, number, method, path, 0,
                    JSON.createObjectNode().put("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        history.add(answer);
        return answer;
    }

    /** Sends the same call on both gateways at the same moment. */
    static void both(List<RaceClient> gateways, String operation, String method, String path, String json, Map<String, String> headers)
            throws Exception {
        var go = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = gateways.stream().map(gateway -> executor.submit(() -> {
                go.await();
                return gateway.send(operation, method, path, json, headers);
            })).toList();
            go.countDown();
            for (var call : calls) {
                call.get(90, TimeUnit.SECONDS);
            }
        }
    }
}
