package io.flowhub.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.embedded.InProcessServices;
import io.flowhub.embedded.InProcessServices.Application;
import io.flowhub.embedded.InProcessServices.Endpoints;
import io.flowhub.embedded.InProcessServices.Service;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * What an integration test gets: Kafka and MongoDB addresses, the services its module's tests run
 * ({@link ServicesUnderTest}; started on first use, with a files root of their own and a 1 MB upload
 * limit), clients for the gateway as new or existing users, and the database to check results in.
 * One per test JVM, shared by every test class.
 */
public final class TestStack implements AutoCloseable {

    /** The upload limit the test services run with, so a test can exceed it cheaply. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /** How long a running job's worker may stay silent in the test services before another takes over. */
    public static final Duration LEASE = Duration.ofSeconds(3);

    /** How long a queued job waits in the test services for its command to reach Kafka before it is sent again. */
    public static final Duration OUTBOX_GRACE = Duration.ofSeconds(2);

    /** Items per hard-delete batch in the test services, small so that a test sees a cleanup stop between batches. */
    public static final int CLEANUP_BATCH_SIZE = 100;

    private final TestInfrastructure infrastructure;
    private final Path filesRoot;
    private InProcessServices services;
    private MongoClient mongoClient;

    TestStack(TestInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
        try {
            this.filesRoot = Files.createTempDirectory("flowhub-it-files");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    public String mongoUri() {
        return infrastructure.mongoUri();
    }

    public Path filesRoot() {
        return filesRoot;
    }

    public synchronized InProcessServices services() {
        if (services == null) {
            var applications = new EnumMap<Service, Application>(Service.class);
            servicesUnderTest().forEach((service, application) ->
                    applications.put(service, new Application(application.get(), 0)));
            services = InProcessServices.start(endpoints(), applications,
                    "--flowhub.files.root=" + filesRoot,
                    "--flowhub.files.max-size=" + MAX_FILE_BYTES + "B",
                    // why: so that a test can watch an abandoned job being taken over within seconds
                    "--flowhub.bulk.lease=" + LEASE.toSeconds() + "s",
                    "--flowhub.bulk.sweep-interval=1s",
                    "--flowhub.bulk.outbox-grace=" + OUTBOX_GRACE.toSeconds() + "s",
                    "--flowhub.cleanup.lease=" + LEASE.toSeconds() + "s",
                    "--flowhub.cleanup.batch-size=" + CLEANUP_BATCH_SIZE,
                    "--flowhub.cleanup.sweep-interval=1s",
                    "--flowhub.cleanup.outbox-grace=" + OUTBOX_GRACE.toSeconds() + "s",
                    // why: every test signs in from this machine, the admin many times; the throttle's own
                    // tests start a gateway of their own with its limits (SignInThrottleIntegrationTests)
                    "--flowhub.auth.throttle.per-address=1000000",
                    "--flowhub.auth.throttle.per-address-and-client=1000000",
                    "--flowhub.auth.throttle.registrations-per-client=1000000",
                    "--flowhub.auth.throttle.per-client=1000000",
                    // why: tests that stop a worker leave their jobs queued; the cap's own tests use a gateway of
                    // their own (FairShareIntegrationTests)
                    "--flowhub.gateway.max-active-jobs=1000");
        }
        return services;
    }

    /**
     * Starts a gateway of its own beside the shared services, on their Kafka, database and files, for a
     * test of a limit the shared gateway sets out of the way; close it when done.
     */
    public InProcessServices startGateway(String... settings) {
        Supplier<SpringApplicationBuilder> gateway = servicesUnderTest().get(Service.GATEWAY);
        if (gateway == null) {
            throw new IllegalStateException("This module's tests run no gateway (see its ServicesUnderTest)");
        }
        String[] arguments = new String[settings.length + 1];
        arguments[0] = "--flowhub.files.root=" + filesRoot;
        System.arraycopy(settings, 0, arguments, 1, settings.length);
        return InProcessServices.start(endpoints(), Map.of(Service.GATEWAY, new Application(gateway.get(), 0)),
                arguments);
    }

    private Endpoints endpoints() {
        return new Endpoints(kafkaBootstrapServers(), mongoUri());
    }

    private static Map<Service, Supplier<SpringApplicationBuilder>> servicesUnderTest() {
        List<ServicesUnderTest> found = ServiceLoader.load(ServicesUnderTest.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one ServicesUnderTest in META-INF/services of this module's "
                    + "tests, found " + found.size() + ": " + found);
        }
        return found.getFirst().applications();
    }

    /** @return where the gateway under test listens, such as {@code http://localhost:41234} */
    public String gatewayUrl() {
        return "http://localhost:" + services().gatewayPort();
    }

    /** @return the internal key of the services under test: the built-in one, as the seed's fixtures use it */
    public String internalKey() {
        return "flowhub-secret-automation-key-2025";
    }

    /** @return a client that sends no token */
    public GatewayClient anonymous() {
        return new GatewayClient(services().gatewayPort(), null);
    }

    /** @return a client that sends the built-in internal key, as the seed system's test fixtures do */
    public GatewayClient internal() {
        return anonymous().withHeader("x-internal-key", internalKey());
    }

    /** @return the bootstrap ADMIN, signed in */
    public TestUser admin() {
        return new TestUsers(anonymous()).admin();
    }

    /** @return a newly registered EDITOR, signed in */
    public TestUser newEditor() {
        return new TestUsers(anonymous()).newEditor();
    }

    /** @return a newly registered user made VIEWER by the admin, signed in again with that role */
    public TestUser newViewer() {
        var users = new TestUsers(anonymous());
        return users.newViewer(users.admin());
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
