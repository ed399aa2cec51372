package io.flowhub.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the local stack starts and where. Each setting comes from a {@code --name=value} argument,
 * else an environment variable, else its default, so the stack needs no settings at all.
 *
 * @param externalKafka a bootstrap address to use instead of starting a broker, or {@code null}
 * @param externalMongo a MongoDB URI to use instead of starting a server, or {@code null}
 * @param jsonLogs      whether the services log one JSON object a line (Elastic Common Schema) instead of text
 */
public record StackSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int gatewayPort,
        int bulkWorkerPort,
        int cleanupWorkerPort,
        String externalKafka,
        String externalMongo,
        boolean jsonLogs) {

    /** The services' logging set-up when they log JSON: Spring Boot's structured console appender. */
    static final String JSON_LOGGING = "classpath:logback-json.xml";
    /** The {@code service.name} of the JSON lines: the stack's, as its three services share one logging context. */
    static final String JSON_SERVICE_NAME = "flowhub-local-stack";

    static final String USAGE = """
            Usage: ./flowhub run [--name=value ...]
              --data-dir=PATH              FLOWHUB_DATA_DIR               where Kafka and MongoDB keep data (./data)
              --kafka-port=N               FLOWHUB_KAFKA_PORT             Kafka client port (9092)
              --kafka-controller-port=N    FLOWHUB_KAFKA_CONTROLLER_PORT  Kafka KRaft controller port (9093)
              --mongodb-port=N             FLOWHUB_MONGODB_PORT           MongoDB port (27017)
              --gateway-port=N             FLOWHUB_GATEWAY_PORT           API gateway HTTP port (8080)
              --bulk-worker-port=N         FLOWHUB_BULK_WORKER_PORT       bulk-worker HTTP port (8081)
              --cleanup-worker-port=N      FLOWHUB_CLEANUP_WORKER_PORT    cleanup-worker HTTP port (8082)
              --log-format=text|json       FLOWHUB_LOG_FORMAT             the services' log lines: text for a person,
                                                                          or JSON (ECS) for a log shipper (text)
              SPRING_KAFKA_BOOTSTRAP_SERVERS   use this Kafka instead of starting one
              FLOWHUB_MONGODB_URI              use this MongoDB instead of starting one
            """;

    public static StackSettings from(String[] arguments, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("Unknown argument '" + argument + "'.\n" + USAGE);
            }
            int equals = argument.indexOf('=');
            given.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        var settings = new Reader(given, environment);
        var result = new StackSettings(
                Path.of(settings.text("data-dir", "FLOWHUB_DATA_DIR", "data")),
                settings.port("kafka-port", "FLOWHUB_KAFKA_PORT", 9092),
                settings.port("kafka-controller-port", "FLOWHUB_KAFKA_CONTROLLER_PORT", 9093),
                settings.port("mongodb-port", "FLOWHUB_MONGODB_PORT", 27017),
                settings.port("gateway-port", "FLOWHUB_GATEWAY_PORT", 8080),
                settings.port("bulk-worker-port", "FLOWHUB_BULK_WORKER_PORT", 8081),
                settings.port("cleanup-worker-port", "FLOWHUB_CLEANUP_WORKER_PORT", 8082),
                blankToNull(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(environment.get("FLOWHUB_MONGODB_URI")),
                settings.logFormat());
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown setting --" + given.keySet().iterator().next() + ".\n" + USAGE);
        }
        return result;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Takes each setting out of the arguments as it is read, so that what is left over is unknown. */
    private record Reader(Map<String, String> arguments, Map<String, String> environment) {

        String text(String argument, String variable, String fallback) {
            String value = arguments.remove(argument);
            if (value == null) {
                value = environment.get(variable);
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        /** @return true for JSON logs */
        boolean logFormat() {
            String value = text("log-format", "FLOWHUB_LOG_FORMAT", "text");
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "text" -> false;
                case "json" -> true;
                default -> throw new IllegalArgumentException("--log-format (FLOWHUB_LOG_FORMAT) must be text or json,"
                        + " not '" + value + "'");
            };
        }

        int port(String argument, String variable, int fallback) {
            String value = text(argument, variable, String.valueOf(fallback));
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65_535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + argument + " (" + variable + ") must be a port from 0 to 65535, not '"
                        + value + "'");
            }
        }
    }
}
