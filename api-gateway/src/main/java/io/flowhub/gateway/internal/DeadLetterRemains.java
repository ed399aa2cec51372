package io.flowhub.gateway.internal;

import io.flowhub.events.Topics;
import io.flowhub.gateway.job.RemainsElsewhere;
import io.flowhub.gateway.system.ServiceUnavailableException;
import io.flowhub.store.erasure.Receipt;
import io.flowhub.store.job.Job;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the dead-letter topics keep of a purged user: every record naming the user's id, and until
 * when its topic keeps the newest. A topic that cannot be read now is listed with {@code -1}, so the
 * receipt is not verified on a look that did not happen.
 */
@Component
class DeadLetterRemains implements RemainsElsewhere {

    private final DeadLetters deadLetters;

    DeadLetterRemains(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public List<Receipt.Store> of(Job job) {
        if (job.targetUserId() == null) {
            return List.of();
        }
        String user = job.targetUserId().toString();
        return DeadLetters.TOPICS.stream().map(topic -> {
            try {
                var found = deadLetters.mentioning(topic, user);
                return new Receipt.Store(found.deadLetterTopic(), found.records(), found.until());
            } catch (ServiceUnavailableException e) {
                return new Receipt.Store(Topics.deadLetter(topic), -1, null);
            }
        }).toList();
    }
}
