package io.flowhub.bench.launch;

import io.flowhub.bench.BenchmarkSuite;
import io.flowhub.bench.GatewayLoad;
import io.flowhub.bench.ProcessScenarios;
import io.flowhub.bench.StackProcess;
import io.flowhub.bench.chaos.ChaosSuite;
import io.flowhub.bench.chaos.GatewayProcess;
import io.flowhub.bench.races.RaceSuite;
import io.flowhub.bench.soak.SoakRun;
import io.flowhub.cleanup.CleanupWorkerApplication;
import io.flowhub.gateway.GatewayApplication;

import java.util.Arrays;

/**
 * The harness's one entry point. {@code chaos} runs the chaos suite, {@code races} the race suite, {@code soak} the
 * soak run; the name of a child JVM's role ({@code load-driver}, {@code gateway}, {@code bulk-worker}, {@code cleanup-worker},
 * {@code bench-stack}, {@code local-stack}) plays that part in the JVM {@link io.flowhub.bench.ChildJvm}
 * started; anything else goes to the benchmark suite.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] arguments) throws Exception {
        String role = arguments.length == 0 ? "" : arguments[0];
        String[] rest = arguments.length == 0 ? arguments : Arrays.copyOfRange(arguments, 1, arguments.length);
        switch (role) {
            case GatewayLoad.ROLE -> GatewayLoad.main(rest);
            case ProcessScenarios.WORKER_ROLE -> ProcessScenarios.runWorker(rest);
            case BenchmarkSuite.CLEANUP_WORKER_ROLE -> CleanupWorkerApplication.main(rest);
            case SoakRun.STACK_ROLE -> SoakRun.runStack(rest);
            case StackProcess.ROLE -> StackProcess.main(rest);
            case "soak" -> SoakRun.main(rest);
            case "chaos" -> ChaosSuite.main(rest);
            case "races" -> RaceSuite.main(rest);
            case GatewayProcess.ROLE -> GatewayApplication.main(rest);
            default -> BenchmarkSuite.run(arguments);
        }
    }
}
