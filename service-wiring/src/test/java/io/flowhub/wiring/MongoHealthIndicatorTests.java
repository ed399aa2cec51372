package io.flowhub.wiring;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class MongoHealthIndicatorTests {

    @Test
    void aDatabaseThatCannotServeAWriteAndAReadIsDownRatherThanHangingTheHealthCheck() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // why: the driver would look for a server for 30 s by default; the indicator answers sooner
        try (var client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + closedPort)).build())) {
            var indicator = new MongoHealthIndicator(client.getDatabase("flowhub"));

            var health = indicator.health(true);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error").toString()).contains("within");
        }
    }
}
