package io.flowhub.gateway;

import io.flowhub.embedded.InProcessServices.Service;
import io.flowhub.testing.ServicesUnderTest;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Map;
import java.util.function.Supplier;

/** The gateway's tests run the gateway alone: a job they submit stays queued, its command on the topic. */
public final class GatewayUnderTest implements ServicesUnderTest {

    @Override
    public Map<Service, Supplier<SpringApplicationBuilder>> applications() {
        return Map.of(Service.GATEWAY, GatewayApplication::builder);
    }
}
