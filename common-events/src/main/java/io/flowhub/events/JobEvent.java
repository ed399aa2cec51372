package io.flowhub.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * An event on {@link Topics#JOB_EVENTS}, keyed by job id: one for every status change of every
 * job, and one after every batch. The {@code type} is {@code accepted}, {@code started},
 * {@code progress}, {@code completed}, {@code failed}, {@code cancelled} or {@code rejected}.
 * A producer that sent a command without a job id finds its job here by {@code command_id}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JobAccepted.class, name = "accepted"),
        @JsonSubTypes.Type(value = JobStarted.class, name = "started"),
        @JsonSubTypes.Type(value = JobProgressed.class, name = "progress"),
        @JsonSubTypes.Type(value = JobCompleted.class, name = "completed"),
        @JsonSubTypes.Type(value = JobFailed.class, name = "failed"),
        @JsonSubTypes.Type(value = JobCancelled.class, name = "cancelled"),
        @JsonSubTypes.Type(value = JobRejected.class, name = "rejected")
})
public sealed interface JobEvent permits JobAccepted, JobStarted, JobProgressed, JobCompleted, JobFailed, JobCancelled, JobRejected {

    /** @return {@link SchemaVersion#CURRENT} */
    int schemaVersion();

    /** @return the job, or {@code null} for a command rejected before it had one */
    String jobId();

    /** @return the command the job runs */
    UUID commandId();

    /** @return when it happened */
    Instant at();

    /** @return the job as it stood then, or {@code null} for a rejected command without a job */
    JobSnapshot job();
}
