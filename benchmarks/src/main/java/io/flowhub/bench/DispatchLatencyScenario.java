package io.flowhub.bench;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;

/** B5, the dispatch latency: how long a one-item job waits between its 202 and its worker starting it. */
final class DispatchLatencyScenario {

    private final BenchEnvironment env;

    DispatchLatencyScenario(BenchEnvironment env) {
        this.env = env;
    }

    /**
     * B5: 202 returned → worker started the job, one-item jobs one after another, beside Kafka's own
     * produce → consume latency; {@code jobs} at a time until the p99's interval is firmly on one side
     * of the target (a p99 of 200 rests on its two largest samples) or {@code rounds} rounds are done.
     */
    Result b5(int jobs, int rounds) throws Exception {
        Target target = Target.figureAtMost(50, "p99 ≤ 50 ms");
        var project = new ArrayList<Double>();
        var baseline = new ArrayList<Double>();
        var pairs = new ArrayList<Repetition>();
        for (int round = 0; round < rounds; round++) {
            List<ObjectId> ids = env.seedItems(env.userId, jobs, jobs, "b5", 0);
            env.settle();
            Instant began = Instant.now();
            var submitted = new ArrayList<Map.Entry<String, Instant>>();
            for (ObjectId id : ids) {
                var response = env.http.send(HttpRequest.newBuilder(env.uri("/api/v1/bulk-operations"))
                        .header("Authorization", "Bearer " + env.token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"delete\",\"itemIds\":[\"" + id + "\"]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Instant answered = Instant.now();
                submitted.add(Map.entry(JobCalls.json(response.body()).get("job_id").asString(), answered));
                env.jobs.pollUntilDone(submitted.getLast().getKey());
            }
            Instant projectEnded = Instant.now();
            var latencies = new ArrayList<Double>();
            for (var entry : submitted) {
                Document job = env.database.getCollection("jobs").find(eq("_id", new ObjectId(entry.getKey()))).first();
                Instant started = job.getDate("started_at").toInstant();
                latencies.add(Math.max(0, Duration.between(entry.getValue(), started).toNanos() / 1e6));
            }
            env.clearItems();
            env.settle();
            Instant baselineBegan = Instant.now();
            List<Double> kafka = kafkaLatency(jobs);
            Conditions projectConditions = env.conditions(began, projectEnded);
            Conditions baselineConditions = env.conditions(baselineBegan, Instant.now());
            for (int i = 0; i < jobs; i++) {
                pairs.add(new Repetition(latencies.get(i), kafka.get(i), projectConditions, baselineConditions));
            }
            project.addAll(latencies);
            baseline.addAll(kafka);
            if (Repetitions.firm(target, p99(project))) {
                break;
            }
        }
        return new Result("B5", "Dispatch latency (202 → job started)", project.size() + " jobs, p99", "p99", "ms",
                p99(project), p99(baseline), Bootstrap.paired(project, baseline, (p, b) -> Bootstrap.percentile(p, 99)
                        / Math.max(Bootstrap.percentile(b, 99), 1e-3)), target, pairs,
                "baseline: Kafka produce → consume on the same broker; both at millisecond resolution; jobs "
                + jobs + " at a time until the p99's interval was firmly on one side of the target; the "
                + "intervals resample the jobs (for the ratio, job and Kafka record by their rank in the run)");
    }

    private static Estimate p99(List<Double> latencies) {
        return Bootstrap.of(latencies, values -> Bootstrap.percentile(values, 99));
    }

    private List<Double> kafkaLatency(int records) throws Exception {
        String topic = "flowhub.bench.latency-" + UUID.randomUUID();
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", env.kafkaBootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        var latencies = new ArrayList<Double>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new LongDeserializer());
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers,
                     ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new LongSerializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "k", System.nanoTime())).get();
                boolean received = false;
                while (!received) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        latencies.add((System.nanoTime() - record.value()) / 1e6);
                        received = true;
                    }
                }
            }
        }
        return latencies;
    }
}
