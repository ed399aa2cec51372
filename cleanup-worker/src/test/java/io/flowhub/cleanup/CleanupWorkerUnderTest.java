package io.flowhub.cleanup;

import io.flowhub.gateway.GatewayApplication;
import io.flowhub.embedded.InProcessServices.Service;
import io.flowhub.testing.ServicesUnderTest;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Map;
import java.util.function.Supplier;

/** The cleanup worker's tests run it with the gateway that accepts its cleanup calls. */
public final class CleanupWorkerUnderTest implements ServicesUnderTest {

    @Override
    public Map<Service, Supplier<SpringApplicationBuilder>> applications() {
        return Map.of(Service.CLEANUP_WORKER, CleanupWorkerApplication::builder, Service.GATEWAY, GatewayApplication::builder);
    }
}
