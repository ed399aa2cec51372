package io.flowhub.cli;

import io.flowhub.client.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code flowhub runs list|show|extend}: the test runs that exist, and a run's lease. */
@Command(name = "runs", description = "List test runs, show one, or extend a run's lease.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Extend.class})
final class RunsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name what to do with runs: list, show or extend");
    }

    @Command(name = "list", description = "List every run: leased, or carried by items or users (the internal key).")
    static final class ListRuns implements Callable<Integer> {

        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return print(spec, connection, connection.client().runs().list());
        }
    }

    @Command(name = "show", description = "Show one run: its items, users, files and lease.")
    static final class Show implements Callable<Integer> {

        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "RUN_ID", description = "The run id (X-FlowHub-Run).")
        String runId;

        @Override
        public Integer call() {
            return print(spec, connection, List.of(connection.client().runs().show(runId)));
        }
    }

    @Command(name = "extend", description = "Set a run's lease to end this long from now; a run whose lease runs out"
            + " is cleaned up for it.")
    static final class Extend implements Callable<Integer> {

        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "RUN_ID", description = "The run id (X-FlowHub-Run).")
        String runId;

        @Option(names = "--ttl", required = true, description = "How long from now, as 90s, 10m or 2h (at most a week).")
        String ttl;

        @Override
        public Integer call() {
            return print(spec, connection, List.of(connection.client().runs().lease(runId, duration(spec, ttl))));
        }
    }

    private static Duration duration(CommandSpec spec, String text) {
        try {
            return Duration.parse("PT" + text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--ttl '" + text + "' is not a duration: write 90s, 10m"
                    + " or 2h");
        }
    }

    private static int print(CommandSpec spec, Connection connection, List<Run> runs) {
        PrintWriter out = spec.commandLine().getOut();
        if (connection.json) {
            out.println(Json.write(runs.size() == 1 ? runs.getFirst() : runs));
        } else {
            runs.forEach(run -> out.println(run.runId() + "  " + run.items() + " items, " + run.users() + " users, "
                    + run.files() + " files" + (run.expiresAt() == null ? ", no lease"
                    : ", lease until " + run.expiresAt())));
        }
        out.flush();
        return ExitCodes.DONE;
    }
}
