package io.flowhub.cli;

import io.flowhub.bulk.BulkWorkerApplication;
import io.flowhub.cleanup.CleanupWorkerApplication;
import io.flowhub.embedded.InProcessServices.Service;
import io.flowhub.gateway.GatewayApplication;
import io.flowhub.testing.ServicesUnderTest;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Map;
import java.util.function.Supplier;

/** The command line is tested against all three services. */
public final class AllServicesUnderTest implements ServicesUnderTest {

    @Override
    public Map<Service, Supplier<SpringApplicationBuilder>> applications() {
        return Map.of(Service.BULK_WORKER, BulkWorkerApplication::builder,
                Service.CLEANUP_WORKER, CleanupWorkerApplication::builder, Service.GATEWAY, GatewayApplication::builder);
    }
}
