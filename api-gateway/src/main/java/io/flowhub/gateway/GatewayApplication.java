package io.flowhub.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Map;

/** The HTTP API: items, jobs, and the commands it publishes to the workers. */
@SpringBootApplication
public class GatewayApplication {

    /** @return the application, reading {@code api-gateway.yml}, so that several services can share one JVM */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties(Map.of("spring.config.name", "api-gateway"));
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
