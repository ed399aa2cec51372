package io.flowhub.cli;

import io.flowhub.client.CleanupOutcome;
import io.flowhub.client.FlowHubClient;
import io.flowhub.client.Job;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;

import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a job, drawing a live progress bar (on standard error) from its updates — or, when no
 * terminal is watching (a CI log), a line per tenth of the way — and says how it ended: exit {@link ExitCodes#DONE} when it completed, {@link ExitCodes#FAILED} otherwise.
 */
final class JobWatch {

    private JobWatch() {
    }

    /**
     * Follows a cleanup (or plan apply) just started, answered at once: with {@code noWait} prints its job and
     * returns; else watches it.
     */
    static int follow(FlowHubClient client, Connection connection, CleanupOutcome started, boolean noWait,
            CommandSpec spec) throws TimeoutException {
        var out = spec.commandLine().getOut();
        if (noWait) {
            out.println(connection.json ? Json.write(started.body()) : "job " + started.jobId() + " started");
            out.flush();
            return ExitCodes.DONE;
        }
        return watch(client.withBearerToken(null), connection, started.jobId(), out, spec.commandLine().getErr());
    }

    static int watch(FlowHubClient client, Connection connection, String jobId, PrintWriter out, PrintWriter err)
            throws TimeoutException {
        Job finished;
        if (connection.json) {
            finished = client.jobs().waitFor(jobId, connection.timeout, job -> { });
            out.println(Json.write(finished));
        } else if (!onTerminal()) {
            // why: a bar redrawn in place is noise in a CI log; a line per tenth of the way reads better there
            var lastTenth = new java.util.concurrent.atomic.AtomicLong(-1);
            finished = client.jobs().waitFor(jobId, connection.timeout, job -> {
                long tenth = job.progress() / 10;
                if (lastTenth.getAndSet(tenth) != tenth) {
                    err.println("job " + jobId + " " + job.operation() + " " + job.status() + " " + job.progress() + "%");
                    err.flush();
                }
            });
            out.println(Json.summary(finished));
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(jobId.substring(Math.max(0, jobId.length() - 6)))
                    .setInitialMax(1).setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(100)
                    .continuousUpdate().build()) {
                finished = client.jobs().waitFor(jobId, connection.timeout, job -> draw(bar, job));
                draw(bar, finished);
            }
            out.println(Json.summary(finished));
        }
        out.flush();
        err.flush();
        return finished.isCompleted() ? ExitCodes.DONE : ExitCodes.FAILED;
    }

    private static void draw(ProgressBar bar, Job job) {
        long done = job.processed() + job.skipped() + job.failed();
        bar.maxHint(length(job));
        bar.setExtraMessage(job.operation() + " " + job.status());
        bar.stepTo(job.isFinished() ? Math.max(1, Math.max(job.totalItems(), done)) : done);
    }

    /**
     * @return the bar's length: the job's total (never below what it has done), or -1 — a bar without a length —
     *         while a running job has none yet (a filter job counts its items beside its first batches)
     */
    static long length(Job job) {
        long done = job.processed() + job.skipped() + job.failed();
        if (job.totalItems() == 0 && !job.isFinished()) {
            return -1;
        }
        return Math.max(1, Math.max(job.totalItems(), done));
    }

    /** @return true when a person watches: standard input and output are a terminal */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // why: from Java 22 there is a console even without a terminal, and it says whether it has one
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
