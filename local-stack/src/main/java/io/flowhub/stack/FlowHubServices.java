package io.flowhub.stack;

import io.flowhub.bulk.BulkWorkerApplication;
import io.flowhub.cleanup.CleanupWorkerApplication;
import io.flowhub.gateway.GatewayApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The gateway and both workers, each its own Spring application, run in this JVM against the
 * given Kafka and MongoDB. Used by the local stack and by the integration tests.
 */
public final class FlowHubServices implements AutoCloseable {

    /** Where the services find Kafka and MongoDB. */
    public record Endpoints(String kafkaBootstrapServers, String mongoUri) {
    }

    /** The HTTP port of each service; 0 picks a free one. */
    public record ServicePorts(int gateway, int bulkWorker, int cleanupWorker) {
    }

    // why: in one JVM the workers share the gateway's classpath and would switch on its Spring
    // Security; run alone (docker-compose) they have none, so the local stack leaves it off for them too
    public static final String WORKERS_WITHOUT_SECURITY = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web."
            + "OAuth2ResourceServerWebSecurityAutoConfiguration";

    private final List<ConfigurableApplicationContext> contexts;

    private FlowHubServices(List<ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    /**
     * Starts the workers, then the gateway, so that the gateway answers only once all three are up.
     *
     * @param extraArguments further {@code --name=value} settings given to every service
     */
    public static FlowHubServices start(Endpoints endpoints, ServicePorts ports, String... extraArguments) {
        var started = new ArrayList<ConfigurableApplicationContext>();
        try {
            String[] workerArguments = Stream.concat(Stream.of(extraArguments), Stream.of(WORKERS_WITHOUT_SECURITY))
                    .toArray(String[]::new);
            started.add(run(BulkWorkerApplication.builder(), endpoints, ports.bulkWorker(), workerArguments));
            started.add(run(CleanupWorkerApplication.builder(), endpoints, ports.cleanupWorker(), workerArguments));
            started.add(run(GatewayApplication.builder(), endpoints, ports.gateway(), extraArguments));
        } catch (RuntimeException e) {
            new FlowHubServices(started).close();
            throw e;
        }
        return new FlowHubServices(started);
    }

    /**
     * Starts the gateway alone, for a harness that runs the workers in JVMs of their own.
     *
     * @param extraArguments further {@code --name=value} settings
     */
    public static FlowHubServices startGateway(Endpoints endpoints, int port, String... extraArguments) {
        return new FlowHubServices(List.of(run(GatewayApplication.builder(), endpoints, port, extraArguments)));
    }

    public int bulkWorkerPort() {
        return port(contexts.get(0));
    }

    public int cleanupWorkerPort() {
        return port(contexts.get(1));
    }

    public int gatewayPort() {
        return port(contexts.getLast());
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder application, Endpoints endpoints,
            int port, String... extraArguments) {
        // why: command-line arguments outrank the services' own files, so these endpoints always win
        String[] arguments = Stream.concat(Stream.of(
                        "--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + endpoints.mongoUri(),
                        "--server.port=" + port,
                        // why: three services share one console; the stack prints one summary instead
                        "--spring.main.banner-mode=off",
                        "--spring.main.log-startup-info=false"),
                Stream.of(extraArguments)).toArray(String[]::new);
        // why: the stack closes the services itself, before the broker and database they need
        return application.registerShutdownHook(false).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
