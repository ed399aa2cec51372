package io.flowhub.cleanup;

import io.flowhub.cleanup.file.OrphanFileSweep;
import io.flowhub.cleanup.item.ItemPurge;
import io.flowhub.cleanup.job.CleanupJobRunner;
import io.flowhub.cleanup.purge.UserDataPurge;
import io.flowhub.cleanup.reset.FullReset;
import io.flowhub.cleanup.retention.SoftDeletedPurge;
import io.flowhub.cleanup.tags.TestDataCleanup;
import io.flowhub.events.ApplyPlan;
import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.CleanupRun;
import io.flowhub.events.PurgeItem;
import io.flowhub.events.PurgeSoftDeleted;
import io.flowhub.events.PurgeUserData;
import io.flowhub.events.ResetAll;
import io.flowhub.events.SweepOrphanFiles;
import io.flowhub.events.Topics;
import io.flowhub.engine.erasure.ErasureTargets;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobWork;
import io.flowhub.engine.Unrunnable;
import io.flowhub.wiring.ConsumerBacklog;
import org.apache.kafka.clients.consumer.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands each cleanup command to its task, run as a job; says whether the command hard-deletes, for the policy. */
@Component
class CleanupCommandListener {

    /** No restriction: a command not applied from a plan takes every item it selects. */
    private static final Bson EVERY_ITEM = new Document();

    private final CleanupJobRunner runner;
    private final UserDataPurge userData;
    private final TestDataCleanup testData;
    private final ItemPurge item;
    private final FullReset reset;
    private final SoftDeletedPurge retention;
    private final OrphanFileSweep orphans;

    CleanupCommandListener(CleanupJobRunner runner, UserDataPurge userData, TestDataCleanup testData, ItemPurge item,
            FullReset reset, SoftDeletedPurge retention, OrphanFileSweep orphans) {
        this.runner = runner;
        this.userData = userData;
        this.testData = testData;
        this.item = item;
        this.reset = reset;
        this.retention = retention;
        this.orphans = orphans;
    }

    // why: idIsGroup=false, so the consumer group is spring.kafka.consumer.group-id, not the listener id
    @KafkaListener(id = "cleanup-commands", idIsGroup = false, topics = Topics.CLEANUP_COMMANDS)
    void on(CleanupCommand command, Consumer<?, ?> consumer) {
        var backlog = new ConsumerBacklog(consumer);
        try (var commandId = MDC.putCloseable("command_id", command.commandId().toString());
             var jobId = MDC.putCloseable("job_id", command.jobId())) {
            switch (command) {
                case PurgeUserData c -> runner.run(c, job -> userData.work(c, job, EVERY_ITEM), backlog);
                case CleanupByTags c -> runner.run(c, job -> testData.work(c, job, EVERY_ITEM), backlog);
                case PurgeItem c -> runner.run(c, job -> item.work(c), backlog);
                case ResetAll c -> runner.run(c, job -> reset.work(c, job), backlog);
                case PurgeSoftDeleted c -> runner.run(c, job -> retention.work(c), backlog);
                case SweepOrphanFiles c -> runner.run(c, job -> orphans.work(c), backlog);
                case CleanupRun c -> runner.run(c, job -> testData.work(c, job, EVERY_ITEM), backlog);
                case ApplyPlan c -> runner.run(c, job -> applied(c, job), backlog);
            }
        }
    }

    /** @return the planned command's work, on the items the plan marked and no other */
    private JobWork applied(ApplyPlan plan, Job job) {
        Bson marked = ErasureTargets.planned(plan.planId());
        return switch (plan.planned()) {
            case PurgeUserData c -> userData.work(c, job, marked);
            case CleanupByTags c -> testData.work(c, job, marked);
            case CleanupRun c -> testData.work(c, job, marked);
            case PurgeItem c -> item.work(c, marked);
            default -> new Unrunnable("A plan of " + plan.planned().operation().wireValue() + " cannot be applied");
        };
    }
}
