package io.flowhub.embedded;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * FlowHub services, each its own Spring application, run in this JVM against one Kafka and one
 * MongoDB: the local stack runs all three, a module's integration tests the ones they need.
 */
public final class InProcessServices implements AutoCloseable {

    /** Where the services find Kafka and MongoDB. */
    public record Endpoints(String kafkaBootstrapServers, String mongoUri) {
    }

    /** A service's Spring application and its HTTP port (0 picks a free one). */
    public record Application(SpringApplicationBuilder builder, int port) {
    }

    /** The services, in the order they start: the workers first, so that the gateway answers only once they are up. */
    public enum Service {
        BULK_WORKER, CLEANUP_WORKER, GATEWAY;

        private String displayName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    // why: in one JVM the workers share the gateway's classpath and would switch on its Spring
    // Security; run alone (docker-compose) they have none, so they are started without it here too
    public static final String WORKERS_WITHOUT_SECURITY = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web."
            + "OAuth2ResourceServerWebSecurityAutoConfiguration";

    private final Map<Service, ConfigurableApplicationContext> running;

    private InProcessServices(Map<Service, ConfigurableApplicationContext> running) {
        this.running = running;
    }

    /**
     * Starts the given services in {@link Service} order; if one fails, those already started are closed.
     *
     * @param extraArguments further {@code --name=value} settings given to every service
     */
    public static InProcessServices start(Endpoints endpoints, Map<Service, Application> applications,
            String... extraArguments) {
        var started = new InProcessServices(new EnumMap<>(Service.class));
        try {
            new EnumMap<>(applications).forEach((service, application) -> started.running.put(service,
                    run(application, endpoints, service == Service.GATEWAY ? extraArguments : withoutSecurity(extraArguments))));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public int port(Service service) {
        ConfigurableApplicationContext context = running.get(service);
        if (context == null) {
            throw new IllegalStateException("The " + service.displayName() + " is not running here; running: "
                    + running.keySet().stream().map(Service::displayName).toList());
        }
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public int gatewayPort() {
        return port(Service.GATEWAY);
    }

    public int bulkWorkerPort() {
        return port(Service.BULK_WORKER);
    }

    public int cleanupWorkerPort() {
        return port(Service.CLEANUP_WORKER);
    }

    /** Closes the services in the reverse order of their start. */
    @Override
    public void close() {
        new ArrayList<>(running.values()).reversed().forEach(ConfigurableApplicationContext::close);
        running.clear();
    }

    private static String[] withoutSecurity(String[] arguments) {
        return Stream.concat(Stream.of(arguments), Stream.of(WORKERS_WITHOUT_SECURITY)).toArray(String[]::new);
    }

    private static ConfigurableApplicationContext run(Application application, Endpoints endpoints,
            String... extraArguments) {
        // why: command-line arguments outrank the services' own files, so these endpoints always win
        String[] arguments = Stream.concat(Stream.of(
                        "--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + endpoints.mongoUri(),
                        "--server.port=" + application.port(),
                        // why: several services share one console; the stack prints one summary instead
                        "--spring.main.banner-mode=off",
                        "--spring.main.log-startup-info=false"),
                Stream.of(extraArguments)).toArray(String[]::new);
        // why: whoever started them closes the services, before the broker and database they need
        return application.builder().registerShutdownHook(false).run(arguments);
    }
}
