package io.flowhub.client;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How the client talks to the gateway: JSON over the JDK's HttpClient, errors as {@link FlowHubException}s. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final Duration retryFor;

    Http(HttpClient http, URI base, Map<String, String> headers, Duration timeout, Duration retryFor) {
        this.retryFor = retryFor;
        this.http = http;
        this.base = base;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
    }

    /** A JSON answer and its status (200, 201 or 202). */
    record Answer(int status, JsonNode body) {

        /** @return {@code data}, where the seed's envelope keeps the payload */
        JsonNode data() {
            return body.path("data");
        }

        <T> T data(Class<T> type) {
            return JSON.treeToValue(data(), type);
        }
    }

    Answer get(String path, Map<String, ?> query) {
        return send(request(path, query).GET());
    }

    Answer post(String path, Map<String, ?> query, Object body, Map<String, String> extraHeaders) {
        var request = request(path, query).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        extraHeaders.forEach(request::header);
        return send(request);
    }

    Answer put(String path, Object body) {
        return send(request(path, Map.of()).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer patch(String path, Object body) {
        return send(request(path, Map.of()).method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer delete(String path, Map<String, ?> query, Map<String, String> extraHeaders) {
        var request = request(path, query).DELETE();
        extraHeaders.forEach(request::header);
        return send(request);
    }

    /** @return the lines of a server-sent event stream, as they arrive; closing the stream closes the connection */
    Stream<String> events(String path) {
        var request = request(path, Map.of()).timeout(Duration.ofDays(1)).header("Accept", "text/event-stream").GET();
        try {
            HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() >= 400) {
                String text = response.body().collect(Collectors.joining("\n"));
                throw problem(response.statusCode(), text, retryAfter(response));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the event stream of " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening " + path, e);
        }
    }

    private HttpRequest.Builder request(String path, Map<String, ?> query) {
        var builder = HttpRequest.newBuilder(base.resolve(path + queryString(query))).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder;
    }

    private static String queryString(Map<String, ?> query) {
        var present = new LinkedHashMap<String, Object>();
        query.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        if (present.isEmpty()) {
            return "";
        }
        return "?" + present.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(value(entry.getValue())))
                .collect(Collectors.joining("&"));
    }

    /** @return the value as a query parameter; a list as the API takes it, comma-separated */
    private static String value(Object value) {
        if (value instanceof Iterable<?> many) {
            var joined = new StringJoiner(",");
            many.forEach(one -> joined.add(String.valueOf(one)));
            return joined.toString();
        }
        return String.valueOf(value);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Sends the request; a 429 is sent again after its {@code Retry-After} while that stays within
     * {@code retryFor} of the first try. A 429 means the gateway refused before doing anything, so
     * sending again is safe for every call, a POST that starts a job included.
     */
    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        long deadline = System.nanoTime() + retryFor.toNanos();
        HttpResponse<String> response = once(request);
        while (response.statusCode() == 429) {
            Duration pause = Duration.ofSeconds(Math.max(1, retryAfter(response).orElse(1L)));
            if (System.nanoTime() + pause.toNanos() > deadline) {
                break;
            }
            try {
                // why: the wait the gateway asked for; a caller that cannot wait builds the client with retryFor(ZERO)
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to call FlowHub again", e);
            }
            response = once(request);
        }
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.body(), retryAfter(response));
        }
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode()
                : JSON.readTree(body));
    }

    private HttpResponse<String> once(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach FlowHub at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling FlowHub", e);
        }
    }

    private static Optional<Long> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValueAsLong("Retry-After").stream().boxed().findFirst();
    }

    private static FlowHubException problem(int status, String body, Optional<Long> retryAfter) {
        Map<String, Object> members;
        try {
            @SuppressWarnings("unchecked") Map<String, Object> read = JSON.readValue(body, Map.class);
            members = new LinkedHashMap<>(read);
        } catch (RuntimeException e) {
            members = new LinkedHashMap<>(Map.of("detail", body == null ? "" : body));
        }
        String type = (String) members.remove("type");
        String title = (String) members.remove("title");
        Object detail = members.remove("detail");
        members.remove("status");
        return FlowHubException.of(new Problem(type == null ? "about:blank" : type, title == null ? "HTTP " + status
                : title, status, detail == null ? null : detail.toString(), members), retryAfter);
    }
}
