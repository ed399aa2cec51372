package io.flowhub.bench.chaos;

import io.flowhub.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * A chaos round's view of its job in MongoDB: read it, wait for its batches, its end, its settling or
 * its take-over, and deliver its command once more. The harness polls with short sleeps: it measures
 * nothing, and it must not depend on the API it is testing to learn how a job stands.
 */
final class ChaosJobs {

    private final ChaosStack stack;

    ChaosJobs(ChaosStack stack) {
        this.stack = stack;
    }

    /** Waits until another worker holds the job, or it ended, or three leases and a sweep went by. */
    void awaitTakenOverFrom(ObjectId jobId, String paused) throws InterruptedException {
        long deadline = System.nanoTime() + ChaosStack.LEASE.multipliedBy(3).plusSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            Document job = job(jobId);
            if (job == null || !"running".equals(job.getString("status"))
                    || (job.getString("worker_id") != null && !paused.equals(job.getString("worker_id")))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until what an ended job's worker left is settled: no item claimed (the claims of ended jobs go within a
     * lease and a sweep), and a cancelled job's counts folded with its ledger (the sweeper does it once no worker can
     * write the job any more: {@code ledger_settled}).
     */
    void awaitSettled(ObjectId jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Document job = job(jobId);
            boolean claims = stack.database.getCollection("items")
                    .countDocuments(com.mongodb.client.model.Filters.exists("deleting_job")) > 0;
            boolean unsettled = job != null && !"completed".equals(job.getString("status"))
                    && !job.getBoolean("ledger_settled", false);
            if (!claims && !unsettled) {
                return;
            }
            Thread.sleep(50);
        }
    }

    void publishAgain(Document job) throws Exception {
        String topic = job.getString("kind").equals("bulk") ? Topics.BULK_COMMANDS : Topics.CLEANUP_COMMANDS;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            String key = job.getString("target_user_id") != null ? job.getString("target_user_id")
                    : job.getString("owner_id");
            producer.send(new ProducerRecord<>(topic, key, job.getString("command"))).get();
        }
    }

    Document awaitBatches(ObjectId jobId, int batches) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Document job = job(jobId);
            if (job != null && List.of("completed", "failed", "cancelled").contains(job.getString("status"))) {
                return null;
            }
            if (job != null && job.get("batches", 0) >= batches && job.getString("worker_id") != null) {
                return job;
            }
            Thread.sleep(5);
        }
        return null;
    }

    Document awaitFinished(ObjectId jobId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Document job = job(jobId);
            if (job != null && List.of("completed", "failed", "cancelled").contains(job.getString("status"))) {
                return job;
            }
            Thread.sleep(50);
        }
        return null;
    }

    Document job(ObjectId jobId) {
        return stack.database.getCollection("jobs").find(eq("_id", jobId)).first();
    }
}
