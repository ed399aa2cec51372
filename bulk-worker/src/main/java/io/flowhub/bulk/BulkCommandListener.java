package io.flowhub.bulk;

import io.flowhub.bulk.delete.SoftDeleteItemsHandler;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.events.Topics;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Decodes nothing itself and decides nothing: hands each command to its handler and lets failures throw. */
@Component
class BulkCommandListener {

    private final SoftDeleteItemsHandler softDelete;

    BulkCommandListener(SoftDeleteItemsHandler softDelete) {
        this.softDelete = softDelete;
    }

    @KafkaListener(id = "bulk-commands", topics = Topics.BULK_COMMANDS)
    void on(BulkCommand command) {
        try (var commandId = MDC.putCloseable("command_id", command.commandId().toString());
             var jobId = MDC.putCloseable("job_id", command.jobId())) {
            switch (command) {
                case SoftDeleteItems softDeleteItems -> softDelete.handle(softDeleteItems);
            }
        }
    }
}
