package io.flowhub.wiring;

import io.flowhub.store.JobId;
import io.flowhub.events.ContractJson;
import io.flowhub.events.JobRejected;
import io.flowhub.events.SchemaVersion;
import io.flowhub.engine.JobEventSink;
import io.flowhub.engine.JobMetrics;
import io.flowhub.engine.DeadLetteredJobs;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * What both workers do with the records of their command topic: decode them as the contract's
 * sealed command type, and give up on one the same way — its job failed, or, for a record that
 * never became a command, a {@code rejected} event — before it goes to the dead-letter topic.
 */
public final class CommandRecords {

    private CommandRecords() {
    }

    /** @return the consumer factory's value deserializer: the contract's JSON, errors kept for the error handler */
    @SuppressWarnings("unchecked")
    public static <C> DefaultKafkaConsumerFactoryCustomizer decodedAs(Class<C> type) {
        var deserializer = new ErrorHandlingDeserializer<>(
                new JacksonJsonDeserializer<>(type, ContractJson.mapper(), false));
        return factory -> ((DefaultKafkaConsumerFactory<Object, C>) factory).setValueDeserializer(deserializer);
    }

    /**
     * @param type    the topic's command type
     * @param jobIdOf the job a decoded command runs as, or {@code null} when it names none
     */
    public static <C> DefaultErrorHandler givingUp(KafkaTemplate<String, Object> template, Duration retryFor,
            Class<C> type, Function<C, String> jobIdOf, DeadLetteredJobs jobs, JobMetrics metrics, JobEventSink events) {
        return DeadLetterErrorHandler.create(template, retryFor, (record, e) -> {
            String reason = DeadLetterErrorHandler.reason(e);
            String jobId = type.isInstance(record.value()) ? jobIdOf.apply(type.cast(record.value())) : null;
            if (jobId != null) {
                // why: failed before the record goes to the dead-letter topic, marked so that a replay reopens it;
                // the claims of a cleanup job stay until EndedClaimsRelease settles and releases them
                jobs.fail(JobId.parse(jobId), "Gave up: " + reason);
            } else {
                // why: a producer whose command never ran learns it here, by command_id when one can be read
                events.announce(new JobRejected(SchemaVersion.CURRENT, null, RejectedRecords.commandId(e),
                        Instant.now(), null, reason));
            }
            metrics.deadLettered(record.topic());
        });
    }
}
