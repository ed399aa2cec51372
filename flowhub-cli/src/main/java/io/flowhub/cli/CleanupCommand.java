package io.flowhub.cli;

import io.flowhub.client.CleanupOutcome;
import io.flowhub.client.Cleanups;
import io.flowhub.client.FlowHubClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code flowhub cleanup user|tags|run|item|reset}: each starts the cleanup as a job (answered at
 * once) and, unless {@code --no-wait}, watches it to the end with a progress bar.
 */
@Command(name = "cleanup", description = "Remove test data through the internal API (needs --key).",
        subcommands = {CleanupCommand.User.class, CleanupCommand.Tags.class, CleanupCommand.Run.class,
                CleanupCommand.Item.class, CleanupCommand.Reset.class})
final class CleanupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name what to clean up: user, tags, run, item or reset");
    }

    /** What every cleanup takes: where and who, dry run, and whether to wait. */
    abstract static class Base implements Callable<Integer> {

        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        @Option(names = "--dry-run", description = "Count what would go; delete nothing.")
        boolean dryRun;

        @Option(names = "--plan", description = "With --dry-run: also freeze what would go as a plan to apply later"
                + " (flowhub plans apply PLAN_ID); not in production.")
        boolean plan;

        @Option(names = "--no-wait", description = "Print the job and exit without waiting for it.")
        boolean noWait;

        abstract CleanupOutcome start(Cleanups cleanups);

        @Override
        public Integer call() throws Exception {
            FlowHubClient client = connection.client();
            if (plan && !dryRun) {
                throw new ParameterException(spec.commandLine(), "--plan goes with --dry-run: a plan is what a dry run would do");
            }
            Cleanups cleanups = plan ? client.cleanups().async().planning() : client.cleanups().async();
            return JobWatch.follow(client, connection, start(cleanups), noWait, spec);
        }
    }

    @Command(name = "user", description = "One user's items, files, jobs, activity and codes; the user stays.")
    static final class User extends Base {
        @Parameters(paramLabel = "USER_ID", description = "The user's id.")
        String userId;

        @Override
        CleanupOutcome start(Cleanups cleanups) {
            return cleanups.user(userId, dryRun);
        }
    }

    @Command(name = "tags", description = "Test data by tags or the test_data flag.")
    static final class Tags extends Base {
        @Option(names = "--tag", description = "A tag; repeat for several (items with any of them).")
        List<String> tags;
        @Option(names = "--test-data", description = "Only items flagged as test data (tags may then be left out).")
        Boolean testData;
        @Option(names = "--user", description = "Only this user's items.")
        String userId;
        @Option(names = "--run", description = "Only items of this test run.")
        String runId;
        @Option(names = "--created-before", description = "Only items created before this ISO-8601 instant.")
        Instant createdBefore;
        @Option(names = "--soft", description = "Soft-delete instead of removing items and files for good.")
        boolean soft;

        @Override
        CleanupOutcome start(Cleanups cleanups) {
            return cleanups.tags(tags == null ? List.of() : tags, testData, userId, runId, createdBefore, !soft, dryRun);
        }
    }

    @Command(name = "run", description = "Everything created under a test run id, whoever created it.")
    static final class Run extends Base {
        @Parameters(paramLabel = "RUN_ID", description = "The run id (X-FlowHub-Run).")
        String runId;
        @Option(names = "--soft", description = "Soft-delete instead of removing items and files for good.")
        boolean soft;

        @Override
        CleanupOutcome start(Cleanups cleanups) {
            return cleanups.run(runId, !soft, dryRun);
        }
    }

    @Command(name = "item", description = "One item and its file, for good.")
    static final class Item extends Base {
        @Parameters(paramLabel = "ITEM_ID", description = "The item's id.")
        String itemId;

        @Override
        CleanupOutcome start(Cleanups cleanups) {
            return cleanups.item(itemId, dryRun);
        }
    }

    @Command(name = "reset", description = "Everything but the audit (development and test; staging if allowed).")
    static final class Reset extends Base {
        @Option(names = "--preserve-admins", description = "Keep the ADMIN accounts.")
        boolean preserveAdmins;

        @Override
        CleanupOutcome start(Cleanups cleanups) {
            return cleanups.reset(preserveAdmins, dryRun);
        }
    }

}
