package io.flowhub.gateway.internal;

import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.Topics;
import io.flowhub.gateway.job.JobPublisher;
import io.flowhub.gateway.limit.Share;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.NewJob;
import io.flowhub.engine.Owner;
import org.springframework.stereotype.Component;

/** Records a cleanup job as {@code queued} and publishes its command to cleanup-worker, through the outbox. */
@Component
class CleanupSubmitter {

    private final JobPublisher publisher;

    CleanupSubmitter(JobPublisher publisher) {
        this.publisher = publisher;
    }

    /** @param share whose cap of active jobs the job counts against ({@link io.flowhub.gateway.limit.Shares}) */
    Job submit(CleanupCommand command, Share share) {
        UserId target = command.targetUserId() == null ? null : UserId.parse(command.targetUserId());
        return publisher.submit(new NewJob(JobId.parse(command.jobId()), JobKind.CLEANUP, command.operation().wireValue(),
                Owner.fromContract(command.requestedBy()), target, null, command.deletesForGood(), command.commandId(), 0, ContractJson.mapper().writeValueAsString(command),
                command.dryRun()), Topics.CLEANUP_COMMANDS, command.key(), command, share);
    }
}
