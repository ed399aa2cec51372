package io.flowhub.cli;

import io.flowhub.client.FlowHubClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code flowhub plans apply PLAN_ID}: do what a dry run planned (its {@code plan.plan_id}), and follow it. */
@Command(name = "plans", description = "Apply what a cleanup's dry run planned.", subcommands = PlansCommand.Apply.class)
final class PlansCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name what to do with a plan: apply");
    }

    @Command(name = "apply", description = "Apply a plan: exactly its items, never one created after it.")
    static final class Apply implements Callable<Integer> {

        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PLAN_ID", description = "The plan's id, from a dry run's answer (--json).")
        String planId;

        @Option(names = "--no-wait", description = "Print the job and exit without waiting for it.")
        boolean noWait;

        @Override
        public Integer call() throws Exception {
            FlowHubClient client = connection.client();
            return JobWatch.follow(client, connection, client.cleanups().async().applyPlan(planId), noWait, spec);
        }
    }
}
