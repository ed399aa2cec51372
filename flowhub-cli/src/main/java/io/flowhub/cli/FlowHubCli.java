package io.flowhub.cli;

import io.flowhub.client.FlowHubException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code flowhub}: FlowHub's command line for CI pipelines in any language. Exit codes: 0 done, 1 the
 * job failed (or a receipt is not verified), 2 a usage error, 3 refused by policy or role, 4 any
 * other error. Settings come from options or the environment ({@code FLOWHUB_URL},
 * {@code FLOWHUB_INTERNAL_KEY}, {@code FLOWHUB_TOKEN}).
 */
@Command(name = "flowhub", mixinStandardHelpOptions = true, version = "flowhub 0.1.0",
        description = "Clean up test data, apply plans, follow and undo jobs, and keep erasure receipts.",
        subcommands = {CleanupCommand.class, JobsCommand.class, PlansCommand.class, ReceiptCommand.class, RunsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the job failed or was cancelled; a receipt not verified",
                "2:usage error (a bad option or id, an unknown target)", "3:refused by the environment's policy or role",
                "4:any other error (FlowHub unreachable, a wrong key, a conflict)"})
public final class FlowHubCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: cleanup, jobs, plans or receipt");
    }

    public static void main(String[] arguments) {
        System.exit(commandLine().execute(arguments));
    }

    /** @return the command line, with FlowHub's errors printed as one line each and mapped to exit codes */
    static CommandLine commandLine() {
        var line = new CommandLine(new FlowHubCli());
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            String message = e instanceof FlowHubException problem ? problem.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            failed.getErr().println("flowhub: " + message);
            failed.getErr().flush();
            return ExitCodes.of(e);
        });
        return line;
    }
}
