package io.flowhub.bulk;

import io.flowhub.gateway.GatewayApplication;
import io.flowhub.embedded.InProcessServices.Service;
import io.flowhub.testing.ServicesUnderTest;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Map;
import java.util.function.Supplier;

/** The bulk worker's tests run it with the gateway that submits its jobs. */
public final class BulkWorkerUnderTest implements ServicesUnderTest {

    @Override
    public Map<Service, Supplier<SpringApplicationBuilder>> applications() {
        return Map.of(Service.BULK_WORKER, BulkWorkerApplication::builder, Service.GATEWAY, GatewayApplication::builder);
    }
}
