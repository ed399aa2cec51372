package io.flowhub.cleanup.job;

import io.flowhub.embedded.InProcessServices;
import com.mongodb.client.MongoClients;
import io.flowhub.cleanup.CleanupWorkerApplication;
import io.flowhub.events.Topics;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cleanup-worker running in production receives a PurgeUserData from a plain Kafka producer
 * (no gateway, no policy check before it): it refuses, fails the job with the reason, and deletes
 * nothing. The production worker keeps to a database of its own.
 */
@ExtendWith(FlowHubStackExtension.class)
class ProductionPolicyIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;

    ProductionPolicyIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aHardDeleteSentStraightToAProductionWorkerIsRefusedWithNothingDeleted() throws Exception {
        String databaseName = "flowhub_production_" + UUID.randomUUID().toString().substring(0, 8);
        String uri = stack.mongoUri().replaceFirst("/flowhub_it_[0-9a-f]+", "/" + databaseName);
        try (var client = MongoClients.create(uri);
             var worker = CleanupWorkerApplication.builder().registerShutdownHook(false).run(
                     "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                     "--spring.mongodb.uri=" + uri,
                     "--server.port=0",
                     "--spring.kafka.consumer.group-id=production-" + UUID.randomUUID(),
                     "--spring.kafka.consumer.auto-offset-reset=latest",
                     "--flowhub.environment=production",
                     "--flowhub.internal-key=" + UUID.randomUUID(),
                     "--flowhub.auth.bootstrap-admin.password=" + UUID.randomUUID(),
                     "--spring.main.banner-mode=off",
                     InProcessServices.WORKERS_WITHOUT_SECURITY)) {
            var database = client.getDatabase(databaseName);
            ObjectId userId = new ObjectId();
            database.getCollection("users").insertOne(new Document("_id", userId).append("email", "real@example.com")
                    .append("role", "EDITOR").append("created_at", new Date()));
            database.getCollection("items").insertOne(new Document("_id", new ObjectId()).append("name", "real data")
                    .append("created_by", userId).append("is_active", true).append("created_at", new Date()));
            String commandId = UUID.randomUUID().toString();
            String command = JSON.writeValueAsString(Map.of("type", "PurgeUserData", "schema_version", 1,
                    "command_id", commandId, "user_id", userId.toHexString(), "include_otps", true,
                    "include_activity_logs", true));

            // why: the worker's consumer must own its partitions before the command is sent (offsets start at latest)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                sendAndForget(command, userId.toHexString(), commandId);
                return database.getCollection("jobs").find(eq("command_id", commandId)).first() != null;
            });

            Document job = await().atMost(Duration.ofSeconds(30)).until(
                    () -> database.getCollection("jobs").find(eq("command_id", commandId)).first(),
                    found -> "failed".equals(found.getString("status")));
            assertThat(job.getString("failure_reason")).contains("production", "not allowed");
            assertThat(database.getCollection("items").countDocuments(eq("created_by", userId))).isEqualTo(1);
            assertThat(worker.getEnvironment().getProperty("flowhub.environment")).isEqualTo("production");
        }
    }

    private void sendAndForget(String command, String key, String commandId) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CLEANUP_COMMANDS, key, command)).get();
        }
    }
}
