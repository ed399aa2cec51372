package io.flowhub.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the gateway, with or without a bearer token, returning status, headers and JSON. */
public final class GatewayClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String token;
    private final Map<String, String> headers;

    GatewayClient(int port, String token) {
        this(port, token, Map.of());
    }

    private GatewayClient(int port, String token, Map<String, String> headers) {
        this.port = port;
        this.token = token;
        this.headers = headers;
    }

    /** @return a client without a token for the gateway listening on {@code port} */
    public static GatewayClient anonymousOn(int port) {
        return new GatewayClient(port, null);
    }

    /** @return a client that sends {@code Authorization: Bearer token} */
    public GatewayClient withToken(String bearerToken) {
        return new GatewayClient(port, bearerToken, headers);
    }

    /** @return a client that also sends this header */
    public GatewayClient withHeader(String name, String value) {
        var more = new HashMap<>(headers);
        more.put(name, value);
        return new GatewayClient(port, token, Map.copyOf(more));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a JSON body as the publisher sends it: without a length (in chunks) when it declares none. */
    public Response post(String path, HttpRequest.BodyPublisher json) {
        return send(request(path).header("Content-Type", "application/json").POST(json));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Posts one file as the multipart part {@code file}. */
    public Response upload(String path, String fileName, byte[] content) {
        String boundary = "flowhub-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, one header, the body as bytes, text and JSON. */
    public record Response(HttpResponse<byte[]> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public byte[] bytes() {
            return raw.body();
        }

        public String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(text());
        }

        /** @return {@code data} of a success envelope */
        public JsonNode data() {
            return json().get("data");
        }
    }
}
