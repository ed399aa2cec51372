package io.flowhub.stack;

import io.flowhub.embedded.PortInUseException;
import io.flowhub.embedded.Ports;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSettingsTests {

    @Test
    void needsNoSettingsAtAll() {
        var settings = StackSettings.from(new String[0], Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.mongoPort()).isEqualTo(27017);
        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.externalKafka()).isNull();
        assertThat(settings.externalMongo()).isNull();
    }

    @Test
    void argumentsOutrankEnvironmentVariables() {
        var settings = StackSettings.from(new String[] {"--gateway-port=9000", "--data-dir=/tmp/x"},
                Map.of("FLOWHUB_GATEWAY_PORT", "9100", "FLOWHUB_KAFKA_PORT", "19092"));

        assertThat(settings.gatewayPort()).isEqualTo(9000);
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void namedServersReplaceTheEmbeddedOnes() {
        var settings = StackSettings.from(new String[0], Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "FLOWHUB_MONGODB_URI", "mongodb://db/flowhub"));

        assertThat(settings.externalKafka()).isEqualTo("kafka:9092");
        assertThat(settings.externalMongo()).isEqualTo("mongodb://db/flowhub");
    }

    @Test
    void logsAreTextUnlessJsonIsAskedFor() {
        assertThat(StackSettings.from(new String[0], Map.of()).jsonLogs()).isFalse();
        assertThat(StackSettings.from(new String[] {"--log-format=json"}, Map.of()).jsonLogs()).isTrue();
        assertThat(StackSettings.from(new String[0], Map.of("FLOWHUB_LOG_FORMAT", "JSON")).jsonLogs()).isTrue();
        assertThatThrownBy(() -> StackSettings.from(new String[] {"--log-format=xml"}, Map.of()))
                .hasMessage("--log-format (FLOWHUB_LOG_FORMAT) must be text or json, not 'xml'");
    }

    @Test
    void unknownOrMalformedSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> StackSettings.from(new String[] {"--gateway-prot=1"}, Map.of()))
                .hasMessageStartingWith("Unknown setting --gateway-prot").hasMessageContaining("Usage:");
        assertThatThrownBy(() -> StackSettings.from(new String[] {"--kafka-port=abc"}, Map.of()))
                .hasMessage("--kafka-port (FLOWHUB_KAFKA_PORT) must be a port from 0 to 65535, not 'abc'");
        assertThatThrownBy(() -> StackSettings.from(new String[] {"run"}, Map.of()))
                .hasMessageStartingWith("Unknown argument 'run'");
    }

    @Test
    void aTakenPortIsNamedWithTheSettingThatMovesIt() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka broker", "--kafka-port or FLOWHUB_KAFKA_PORT"))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("Port " + port + " (Kafka broker) is already in use. Stop what holds it, or choose "
                            + "another port with --kafka-port or FLOWHUB_KAFKA_PORT.");
        }
    }
}
