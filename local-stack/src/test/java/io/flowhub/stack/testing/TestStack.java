package io.flowhub.stack.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.stack.FlowHubServices;

/**
 * What an integration test gets: Kafka and MongoDB addresses, the three services running against
 * them (started on first use), a client for the gateway, and the database to check results in.
 * One per test JVM, shared by every test class.
 */
public final class TestStack implements AutoCloseable {

    private final TestInfrastructure infrastructure;
    private FlowHubServices services;
    private MongoClient mongoClient;

    TestStack(TestInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    public String mongoUri() {
        return infrastructure.mongoUri();
    }

    public synchronized FlowHubServices services() {
        if (services == null) {
            services = FlowHubServices.start(
                    new FlowHubServices.Endpoints(kafkaBootstrapServers(), mongoUri()),
                    new FlowHubServices.ServicePorts(0, 0, 0));
        }
        return services;
    }

    public GatewayClient gateway() {
        return new GatewayClient(services().gatewayPort());
    }

    public synchronized MongoDatabase database() {
        if (mongoClient == null) {
            mongoClient = MongoClients.create(mongoUri());
        }
        return mongoClient.getDatabase(new ConnectionString(mongoUri()).getDatabase());
    }

    @Override
    public synchronized void close() throws Exception {
        if (services != null) {
            services.close();
        }
        if (mongoClient != null) {
            mongoClient.close();
        }
        infrastructure.close();
    }
}
