package io.flowhub.testing;

import io.flowhub.embedded.InProcessServices.Service;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The services a module's integration tests run, started by the {@link TestStack} on first use. A
 * module names its one implementation in {@code src/test/resources/META-INF/services/io.flowhub.testing.ServicesUnderTest}:
 * the gateway's tests run the gateway alone, a worker's tests the worker and the gateway that submits
 * its jobs, the system tests all three. A module whose tests need only Kafka and MongoDB names none.
 */
public interface ServicesUnderTest {

    /** @return each service's Spring application, by the service it is */
    Map<Service, Supplier<SpringApplicationBuilder>> applications();
}
