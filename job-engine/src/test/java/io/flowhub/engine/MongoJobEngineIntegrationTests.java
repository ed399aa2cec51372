package io.flowhub.engine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

/**
 * The engine's contract on the test stack's MongoDB: the embedded server here, a replica set where Docker
 * runs, or the server {@code FLOWHUB_MONGODB_URI} names. A database of its own per test.
 */
@ExtendWith(FlowHubStackExtension.class)
class MongoJobEngineIntegrationTests extends JobEngineContract {

    private final MongoClient client;
    private final MongoDatabase database;

    MongoJobEngineIntegrationTests(TestStack stack) {
        this.client = MongoClients.create(stack.mongoUri());
        this.database = client.getDatabase("flowhub_engine_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    protected MongoDatabase database() {
        return database;
    }

    @AfterEach
    void drop() {
        database.drop();
        client.close();
    }
}
