package io.flowhub.cli;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code flowhub jobs list|show|watch|cancel|undo}: the newest jobs, or one job by id, with the key or a token. */
@Command(name = "jobs", description = "Read, watch, cancel or undo a job.",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Watch.class,
                JobsCommand.Cancel.class, JobsCommand.Undo.class})
final class JobsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name what to do: list, show, watch, cancel or undo");
    }

    @Command(name = "list", description = "List the newest jobs: the user's with --token, everyone's with the"
            + " internal key.")
    static final class ListJobs implements Callable<Integer> {

        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        @Option(names = "--limit", defaultValue = "20", description = "How many (1 to 200; default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--kind", description = "Only bulk or only cleanup jobs.")
        String kind;

        @Option(names = "--status", description = "Only jobs queued, running, completed, failed or cancelled.")
        String status;

        @Option(names = "--owner", description = "With the internal key: only this owner's jobs (a user id, "
                + "key:<id> or schedule, as a job's owner shows it).")
        String owner;

        @Override
        public Integer call() {
            if (owner != null && connection.token != null && !connection.token.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--owner needs the internal key: with --token a user"
                        + " lists its own jobs");
            }
            var out = spec.commandLine().getOut();
            var jobs = connection.client().jobs().list(kind, status, owner, limit);
            if (connection.json) {
                out.println(Json.write(jobs));
            } else {
                jobs.forEach(job -> out.println(Json.summary(job)));
            }
            out.flush();
            return ExitCodes.DONE;
        }
    }

    /** What every job command takes: where and who, and the job. */
    abstract static class OneJob implements Callable<Integer> {

        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "JOB_ID", description = "The job's id.")
        String jobId;

        void print(Job job) {
            var out = spec.commandLine().getOut();
            out.println(connection.json ? Json.write(job) : Json.summary(job));
            out.flush();
        }
    }

    @Command(name = "show", description = "Print where a job stands.")
    static final class Show extends OneJob {
        @Override
        public Integer call() {
            print(connection.client().jobs().get(jobId));
            return ExitCodes.DONE;
        }
    }

    @Command(name = "watch", description = "Follow a job to its end with a progress bar; exit 0 when it completed.")
    static final class Watch extends OneJob {
        @Override
        public Integer call() throws Exception {
            return JobWatch.watch(connection.client(), connection, jobId, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    @Command(name = "cancel", description = "Stop a queued or running job at its next batch.")
    static final class Cancel extends OneJob {
        @Override
        public Integer call() {
            print(connection.client().jobs().cancel(jobId));
            return ExitCodes.DONE;
        }
    }

    @Command(name = "undo", description = "Reverse what a finished job changed, as a new job, and follow it.")
    static final class Undo extends OneJob {
        @Option(names = "--no-wait", description = "Print the undo's job and exit without waiting for it.")
        boolean noWait;

        @Override
        public Integer call() throws Exception {
            FlowHubClient client = connection.client();
            String undo = client.jobs().undo(jobId);
            if (noWait) {
                spec.commandLine().getOut().println(connection.json ? Json.write(client.jobs().get(undo))
                        : "job " + undo + " started, undoing " + jobId);
                spec.commandLine().getOut().flush();
                return ExitCodes.DONE;
            }
            return JobWatch.watch(client, connection, undo, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
