package io.flowhub.gateway.system;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property over the whole HTTP surface: requests made from every operation of the OpenAPI document
 * with generated hostile path values, query strings, headers and bodies (jqwik's generators, drawn
 * from a seed so a failure can be replayed with {@code -Dflowhub.hostile.seed=}). Whatever is sent:
 * never a 5xx, every error is Problem Details without driver or stack text, and another user's data
 * stays exactly as it was. The attacker holds a valid EDITOR token, a garbage one, or none, and never
 * the internal key.
 */
@ExtendWith(FlowHubStackExtension.class)
class HostileRequestIntegrationTests {

    private static final int REQUESTS = Integer.getInteger("flowhub.hostile.requests", 400);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "com.mongodb", "org.springframework",
            "org.apache", "MongoDB", "Kafka", "java.lang");

    private final TestStack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HostileRequestIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void noGeneratedRequestGetsA5xxOrAnythingButProblemDetailsOrChangesAnotherUsersData() throws Exception {
        TestUser victim = stack.newEditor();
        List<String> victimItems = anItem().taggedAsTestData().createIn(victim.gateway(), 3);
        victim.gateway().upload("/api/v1/items/" + victimItems.getFirst() + "/file", "victim.txt",
                "the victim's file".getBytes(StandardCharsets.UTF_8));
        String victimJob = victim.gateway().post("/api/v1/bulk-operations",
                "{\"operation\":\"add_tags\",\"item_ids\":[\"" + victimItems.get(1) + "\"],\"tags\":[\"kept\"]}")
                .json().get("job_id").asString();
        // why: the gateway runs without workers here, so the victim's job stays queued and its document still
        // while the attacker tries to read, cancel or change it
        String before = victimsData(victim);
        TestUser attacker = stack.newEditor();
        List<Operation> operations = operations();
        long seed = Long.getLong("flowhub.hostile.seed", new Random().nextLong());
        // why: jqwik's engine needs JUnit Platform 1; its generators run outside it from a seeded source
        SourceOfRandomness.create(Long.toString(seed));
        var requests = hostileRequests(operations, attacker.token(), victim, victimItems, victimJob)
                .sampleStream().iterator();

        var failures = new ArrayList<String>();
        var statuses = new LinkedHashMap<Integer, Integer>();
        for (int i = 0; i < REQUESTS && failures.size() < 5; i++) {
            HostileRequest request = requests.next();
            Optional<HttpResponse<String>> answer = send(request);
            if (answer.isEmpty()) {
                continue;
            }
            statuses.merge(answer.get().statusCode(), 1, Integer::sum);
            problemWith(answer.get()).ifPresent(problem -> failures.add(request + "\n  → " + problem));
            if (i % 50 == 49 && !victimsData(victim).equals(before)) {
                failures.add("after " + request + "\n  → the victim's data changed");
            }
        }

        assertThat(failures).as("seed %d, statuses %s", seed, statuses).isEmpty();
        assertThat(victimsData(victim)).as("seed %d: the victim's data", seed).isEqualTo(before);
        assertThat(statuses.keySet()).as("seed %d: requests that were answered", seed).isNotEmpty();
    }

    private Optional<String> problemWith(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String body = answer.body();
        if (status >= 500) {
            return Optional.of(status + " " + body);
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                return Optional.of(status + " with '" + leak + "' in its body: " + body);
            }
        }
        if (status >= 400) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return Optional.of(status + " as '" + type + "', not Problem Details: " + body);
            }
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status || problem.path("detail").asString("").isBlank()) {
                return Optional.of(status + " whose Problem Details lack status or detail: " + body);
            }
        }
        return Optional.empty();
    }

    private Optional<HttpResponse<String>> send(HostileRequest request) throws Exception {
        URI uri;
        try {
            uri = URI.create("http://localhost:" + stack.services().gatewayPort() + request.path());
        } catch (IllegalArgumentException e) {
            // why: not a URI a client can send; the generator makes a few on purpose
            return Optional.empty();
        }
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            // why: a header the client refuses to send (a restricted name, a control character)
            return Optional.empty();
        }
        return Optional.of(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Everything of the victim's that an attacker must not change: user record, items, jobs, files' records. */
    private String victimsData(TestUser victim) {
        ObjectId id = new ObjectId(victim.id());
        var database = stack.database();
        return List.of(
                        database.getCollection("users").find(eq("_id", id)),
                        database.getCollection("items").find(eq("created_by", id)).sort(new Document("_id", 1)),
                        database.getCollection("jobs").find(or(eq("owner_id", victim.id()), eq("owner_id", id)))
                                .sort(new Document("_id", 1)))
                .stream().flatMap(found -> found.into(new ArrayList<Document>()).stream())
                .map(Document::toJson).collect(Collectors.joining("\n"));
    }

    private List<Operation> operations() {
        JsonNode paths = stack.anonymous().get("/v3/api-docs").json().get("paths");
        var operations = new ArrayList<Operation>();
        for (var path : paths.properties()) {
            for (var method : path.getValue().properties()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
        return operations;
    }

    private static Arbitrary<HostileRequest> hostileRequests(List<Operation> operations, String attackerToken,
            TestUser victim, List<String> victimItems, String victimJob) {
        Arbitrary<String> pathValue = Arbitraries.oneOf(
                Arbitraries.of(victim.id(), victimJob, victimItems.get(0), victimItems.get(1), new ObjectId().toHexString(),
                        "..", "%2e%2e", "%00", "%2F", "'", "null", "undefined", "-1", "0", "{\"$ne\":null}",
                        "ObjectId(\"" + victimItems.get(0) + "\")", victimItems.get(0).toUpperCase(Locale.ROOT),
                        victimItems.get(0) + "0", "a".repeat(3_000)),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40).map(HostileRequestIntegrationTests::encode),
                Arbitraries.strings().withCharRange('0', 'f').ofLength(24));
        Arbitrary<String> query = Arbitraries.maps(
                        Arbitraries.of("limit", "cursor", "tags", "status", "q", "created_by", "test_data", "wait",
                                "dry_run", "hard_delete", "preserve_admins", "email", "include_otp", "run_id",
                                "include_activity_logs", "user_id", "$where", "page"),
                        Arbitraries.oneOf(Arbitraries.of("-1", "0", "99999999999999999999", "true", "maybe", "",
                                        "env,prod", "%00", "[]", "{\"$gt\":\"\"}", victim.id(), "1e309", "a".repeat(2_000)),
                                Arbitraries.strings().ofMaxLength(30).map(HostileRequestIntegrationTests::encode)))
                .ofMaxSize(4)
                .map(params -> params.isEmpty() ? "" : "?" + params.entrySet().stream()
                        .map(entry -> entry.getKey().replace("$", "%24") + "=" + entry.getValue())
                        .collect(Collectors.joining("&")));
        Arbitrary<Map<String, String>> headers = Combinators.combine(
                Arbitraries.of("", "Bearer " + attackerToken, "Bearer " + attackerToken, "Bearer garbage.token.here",
                        "Bearer " + attackerToken.substring(0, attackerToken.lastIndexOf('.')) + ".",
                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "Basic YWRtaW46YWRtaW4=", "Bearer "),
                Arbitraries.of("", "", "", "wrong-key", "flowhub-secret-automation-key-2024", " "),
                Arbitraries.of("application/json", "application/json", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/json; charset=utf-7", ""),
                Arbitraries.of("", "application/json", "text/html", "application/xml", "*/*", "image/png"),
                Arbitraries.of("", "", "respond-async", "wait=abc", "respond-async, wait=-1"),
                Arbitraries.of("", "", "same-key", "k".repeat(300)))
                .as((authorization, key, contentType, accept, prefer, idempotency) -> {
                    var map = new LinkedHashMap<String, String>();
                    putIfSet(map, "Authorization", authorization);
                    putIfSet(map, "x-internal-key", key);
                    putIfSet(map, "Content-Type", contentType);
                    putIfSet(map, "Accept", accept);
                    putIfSet(map, "Prefer", prefer);
                    putIfSet(map, "Idempotency-Key", idempotency);
                    return map;
                });
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.just(null),
                jsonValue(3).map(HostileRequestIntegrationTests::toJson),
                Arbitraries.maps(Arbitraries.of("name", "description", "tags", "test_data", "operation", "itemIds",
                                "item_ids", "filter", "batch_size", "batchSize", "email", "password", "role", "code",
                                "created_by", "is_active", "deleted_at", "_id", "user_id", "hard_delete", "items",
                                "created_before", "$set"), jsonValue(2))
                        .ofMaxSize(6).map(HostileRequestIntegrationTests::toJson),
                Arbitraries.of("{", "[", "\"", "{\"name\":", "{\"tags\":[null]}", "{\"items\":[null]}",
                        "{\"operation\":\"delete\",\"filter\":{}}", "{\"filter\":{\"tags\":[\"a,b\"]}}",
                        "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" + "1".repeat(2_000) + "}", "\u0000",
                        "{\"name\":\"\\u0000\"}", "{\"password\":\"" + "é".repeat(60) + "\"}"),
                Arbitraries.strings().ofMaxLength(200));
        return Combinators.combine(Arbitraries.of(operations), pathValue, query, headers, body)
                .as((operation, value, queryString, headerMap, content) -> new HostileRequest(operation.method(),
                        operation.path().replaceAll("\\{[^}]+}", Matcher.quoteReplacement(value)) + queryString, headerMap,
                        operation.method().equals("GET") || operation.method().equals("DELETE") ? null : content));
    }

    /** A JSON value of any type, nested up to {@code depth} levels: null, booleans, numbers, strings, arrays, objects. */
    private static Arbitrary<Object> jsonValue(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false),
                Arbitraries.longs(),
                Arbitraries.doubles(),
                Arbitraries.of(Double.MAX_VALUE, -0.0, 1e308),
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
                Arbitraries.of("", " ", "test-data", "ADMIN", "delete", "prod", "a,b", new ObjectId().toHexString()));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.oneOf(scalar,
                jsonValue(depth - 1).list().ofMaxSize(5).map(list -> (Object) list),
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(12), jsonValue(depth - 1)).ofMaxSize(4)
                        .map(map -> (Object) map));
    }

    private static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void putIfSet(Map<String, String> headers, String name, String value) {
        if (!value.isEmpty()) {
            headers.put(name, value);
        }
    }

    private record Operation(String method, String path) {
    }

    private record HostileRequest(String method, String path, Map<String, String> headers, String body) {

        @Override
        public String toString() {
            String shownBody = body == null ? "" : " body " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
            String shownPath = path.length() > 200 ? path.substring(0, 200) + "…" : path;
            return method + " " + shownPath + " headers " + headers.keySet() + shownBody;
        }
    }
}
