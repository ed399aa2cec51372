package io.flowhub.stack;

import io.flowhub.bulk.BulkWorkerApplication;
import io.flowhub.cleanup.CleanupWorkerApplication;
import io.flowhub.embedded.InProcessServices;
import io.flowhub.embedded.InProcessServices.Application;
import io.flowhub.embedded.InProcessServices.Endpoints;
import io.flowhub.embedded.InProcessServices.Service;
import io.flowhub.gateway.GatewayApplication;

import java.util.Map;

/** The gateway and both workers in this JVM: the local stack, the system tests and the benchmarks run them so. */
public final class FlowHubServices {

    /** The HTTP port of each service; 0 picks a free one. */
    public record ServicePorts(int gateway, int bulkWorker, int cleanupWorker) {
    }

    private FlowHubServices() {
    }

    /**
     * Starts the workers, then the gateway, so that the gateway answers only once all three are up.
     *
     * @param extraArguments further {@code --name=value} settings given to every service
     */
    public static InProcessServices start(Endpoints endpoints, ServicePorts ports, String... extraArguments) {
        return InProcessServices.start(endpoints, Map.of(
                Service.BULK_WORKER, new Application(BulkWorkerApplication.builder(), ports.bulkWorker()),
                Service.CLEANUP_WORKER, new Application(CleanupWorkerApplication.builder(), ports.cleanupWorker()),
                Service.GATEWAY, new Application(GatewayApplication.builder(), ports.gateway())), extraArguments);
    }

    /**
     * Starts the gateway alone, for a harness that runs the workers in JVMs of their own.
     *
     * @param extraArguments further {@code --name=value} settings
     */
    public static InProcessServices startGateway(Endpoints endpoints, int port, String... extraArguments) {
        return InProcessServices.start(endpoints,
                Map.of(Service.GATEWAY, new Application(GatewayApplication.builder(), port)), extraArguments);
    }
}
