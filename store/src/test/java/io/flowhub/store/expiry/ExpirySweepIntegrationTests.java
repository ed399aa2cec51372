package io.flowhub.store.expiry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Indexes.ascending;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the server the tests run against — the embedded one here, which keeps TTL indexes but expires
 * nothing — the sweep removes exactly what a TTL monitor would, reading the indexes themselves.
 */
@ExtendWith(FlowHubStackExtension.class)
class ExpirySweepIntegrationTests {

    private final TestStack stack;
    private final String name = "expiry_probe_" + UUID.randomUUID().toString().replace("-", "");

    ExpirySweepIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @AfterEach
    void dropTheProbe() {
        stack.database().getCollection(name).drop();
    }

    @Test
    void documentsPastTheirTtlIndexGoAndEveryOtherStays() {
        MongoCollection<Document> probe = stack.database().getCollection(name);
        probe.createIndex(ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        probe.createIndex(ascending("created_at"), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS));
        probe.createIndex(ascending("kept_at"));
        Instant now = Instant.now();
        probe.insertOne(new Document("name", "expired").append("expires_at", Date.from(now.minusSeconds(1))));
        probe.insertOne(new Document("name", "expires later").append("expires_at", Date.from(now.plusSeconds(60))));
        probe.insertOne(new Document("name", "not a date").append("expires_at", "yesterday"));
        probe.insertOne(new Document("name", "no field"));
        probe.insertOne(new Document("name", "created long ago").append("created_at", Date.from(now.minusSeconds(61))));
        probe.insertOne(new Document("name", "created just now").append("created_at", Date.from(now.minusSeconds(59))));
        probe.insertOne(new Document("name", "plain index").append("kept_at", Date.from(now.minus(Duration.ofDays(400)))));

        var expired = new ExpirySweep(stack.database(), Clock.systemUTC()).sweep();
        var again = new ExpirySweep(stack.database(), Clock.systemUTC()).sweep();

        var left = probe.find().map(document -> document.getString("name")).into(new ArrayList<>());
        assertThat(left).containsExactlyInAnyOrder("expires later", "not a date", "no field", "created just now",
                "plain index");
        assertThat(expired).containsEntry(name + ".expires_at", 1L).containsEntry(name + ".created_at", 1L);
        assertThat(again).doesNotContainKeys(name + ".expires_at", name + ".created_at");
    }
}
