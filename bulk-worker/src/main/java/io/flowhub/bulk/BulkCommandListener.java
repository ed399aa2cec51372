package io.flowhub.bulk;

import io.flowhub.bulk.job.BulkJobRunner;
import io.flowhub.bulk.tags.AddTagsOperation;
import io.flowhub.bulk.tags.RemoveTagsOperation;
import io.flowhub.events.AddTags;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.RemoveTags;
import io.flowhub.events.RestoreItems;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.events.Topics;
import io.flowhub.events.UndoJob;
import io.flowhub.engine.item.RestoreOperation;
import io.flowhub.engine.item.SoftDeleteOperation;
import io.flowhub.wiring.ConsumerBacklog;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Decides nothing itself: picks each command's operation, hands it to the runner, and lets failures throw. */
@Component
class BulkCommandListener {

    private final BulkJobRunner runner;

    BulkCommandListener(BulkJobRunner runner) {
        this.runner = runner;
    }

    // why: idIsGroup=false, so the consumer group is spring.kafka.consumer.group-id, not the listener id
    @KafkaListener(id = "bulk-commands", idIsGroup = false, topics = Topics.BULK_COMMANDS)
    void on(BulkCommand command, Consumer<?, ?> consumer) {
        var backlog = new ConsumerBacklog(consumer);
        try (var commandId = MDC.putCloseable("command_id", command.commandId().toString());
             var jobId = MDC.putCloseable("job_id", command.jobId())) {
            switch (command) {
                case SoftDeleteItems c -> runner.run(c, new SoftDeleteOperation(), backlog);
                case RestoreItems c -> runner.run(c, new RestoreOperation(), backlog);
                case AddTags c -> runner.run(c, new AddTagsOperation(c.tags()), backlog);
                case RemoveTags c -> runner.run(c, new RemoveTagsOperation(c.tags()), backlog);
                case UndoJob c -> runner.undo(c, backlog);
            }
        }
    }
}
