package io.flowhub.stack;

import io.flowhub.embedded.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack as a user runs it: its own broker and database, data kept on disk across a restart. */
class LocalStackRestartIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ITEM_ID = Pattern.compile("\"_id\":\"([0-9a-f]{24})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    @Test
    void itemsCreatedBeforeARestartAreStillThereAfterIt(@TempDir Path dataDir) throws Exception {
        var settings = new StackSettings(dataDir, Ports.findFree(), Ports.findFree(), Ports.findFree(),
                Ports.findFree(), 0, 0, null, null, false);

        var first = new LocalStack();
        String itemId;
        String token;
        try {
            first.start(settings);
            var session = send(HttpRequest.newBuilder(gateway(settings, "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"admin@flowhub.local\",\"password\":\"flowhub-admin-password\"}")));
            var tokenMatcher = TOKEN.matcher(session.body());
            assertThat(tokenMatcher.find()).as(session.body()).isTrue();
            token = tokenMatcher.group(1);
            var created = send(HttpRequest.newBuilder(gateway(settings, "/api/v1/items"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"survives restarts\"}")));
            assertThat(created.statusCode()).isEqualTo(201);
            var matcher = ITEM_ID.matcher(created.body());
            assertThat(matcher.find()).isTrue();
            itemId = matcher.group(1);
        } finally {
            first.stop();
        }

        var second = new LocalStack();
        try {
            second.start(settings);
            // why: the same token still works: the signing key is configuration, not state lost on restart
            var read = send(HttpRequest.newBuilder(gateway(settings, "/api/v1/items/" + itemId))
                    .header("Authorization", "Bearer " + token).GET());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("survives restarts");
        } finally {
            second.stop();
        }
    }

    private static URI gateway(StackSettings settings, String path) {
        return URI.create("http://localhost:" + settings.gatewayPort() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
