package io.flowhub.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static com.mongodb.client.model.Filters.eq;

/**
 * Reports MongoDB UP only when the FlowHub database serves a real write and a real read (a
 * {@code ping} is answered even by a server whose store has closed), and DOWN when they fail or do
 * not come back within {@link #WITHIN}.
 */
class MongoHealthIndicator extends AbstractHealthIndicator {

    static final Duration WITHIN = Duration.ofSeconds(5);

    private final MongoDatabase database;
    private final MongoCollection<Document> checks;
    private final ObjectId instance = new ObjectId();
    private final ExecutorService checking = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("mongo-health").daemon().factory());

    MongoHealthIndicator(MongoDatabase database) {
        super("MongoDB health check failed");
        this.database = database;
        this.checks = database.getCollection(CollectionNames.HEALTH_CHECKS);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Date now = new Date();
        try {
            CompletableFuture.supplyAsync(() -> {
                checks.replaceOne(eq("_id", instance), new Document("_id", instance).append("at", now),
                        new ReplaceOptions().upsert(true));
                return checks.find(eq("_id", instance)).first();
            }, checking).thenAccept(read -> {
                if (read == null || !now.equals(read.getDate("at"))) {
                    throw new IllegalStateException("A document written to the database could not be read back");
                }
            }).get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            builder.down().withDetail("database", database.getName())
                    .withDetail("error", "No answer to a write and a read within " + WITHIN.toSeconds() + " s");
            return;
        }
        builder.up().withDetail("database", database.getName());
    }
}
