package io.flowhub.embedded.mongo;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoServerTests {

    @Test
    void keepsWhatItWasSentAcrossARestartWhateverItsCommits(@TempDir Path directory) {
        Path file = directory.resolve("flowhub.mv");
        var seldom = new EmbeddedMongoServer.Commits(Duration.ofSeconds(10), 64 * 1024);
        try (var server = EmbeddedMongoServer.start(file, 0, seldom);
                var client = MongoClients.create(server.uri("flowhub"))) {
            client.getDatabase("flowhub").getCollection("items").insertOne(new Document("name", "kept"));
        }
        try (var server = EmbeddedMongoServer.start(file, 0);
                var client = MongoClients.create(server.uri("flowhub"))) {
            assertThat(client.getDatabase("flowhub").getCollection("items").find().first())
                    .containsEntry("name", "kept");
        }
    }

    @Test
    void refusesCommitsThatNeverHappen() {
        assertThatThrownBy(() -> new EmbeddedMongoServer.Commits(Duration.ZERO, 1024))
                .hasMessageContaining("positive interval");
        assertThatThrownBy(() -> new EmbeddedMongoServer.Commits(Duration.ofSeconds(1), 0))
                .hasMessageContaining("positive interval and buffer");
    }
}
