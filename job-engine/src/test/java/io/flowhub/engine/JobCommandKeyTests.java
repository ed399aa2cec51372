package io.flowhub.engine;

import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.store.JobId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A command sent again (a turn handed back, an abandoned job) goes to the partition its original went to. */
class JobCommandKeyTests {

    @Test
    void aTagCleanupForOneUserIsSentAgainUnderThatUserNotUnderTheKeyThatAskedForIt() {
        String user = new ObjectId().toHexString();
        var command = new CleanupByTags(SchemaVersion.CURRENT, UUID.randomUUID(), null, "key:0a1b2c3d", false,
                List.of("test-data"), null, user, null, true, Instant.now(), null);

        Job job = job(JobKind.CLEANUP, Owner.key("0a1b2c3d"), ContractJson.mapper().writeValueAsString(command));

        assertThat(job.commandKey()).isEqualTo(command.key()).isEqualTo(user);
    }

    @Test
    void aBulkCommandIsSentAgainUnderItsOwnerAndAJobWithoutACommandFallsBackToItsOwner() {
        String owner = new ObjectId().toHexString();
        var command = new SoftDeleteItems(SchemaVersion.CURRENT, UUID.randomUUID(), null, owner, true,
                List.of(new ObjectId().toHexString()), null, null, Instant.now());

        assertThat(job(JobKind.BULK, Owner.fromContract(owner), ContractJson.mapper().writeValueAsString(command))
                .commandKey()).isEqualTo(command.key()).isEqualTo(owner);
        assertThat(job(JobKind.CLEANUP, Owner.SCHEDULE, null).commandKey()).isEqualTo("schedule");
        assertThat(job(JobKind.CLEANUP, null, null).commandKey()).isEqualTo(CleanupCommand.GLOBAL_KEY);
    }

    private static Job job(JobKind kind, Owner owner, String commandJson) {
        Instant now = Instant.now();
        return new Job(new JobId(new ObjectId()), kind, "operation", owner, null, null, false, UUID.randomUUID(), JobStatus.RUNNING,
                0, 0, JobCounts.NONE, List.of(), Checkpoint.START, 1, 0, "worker", now, null, commandJson, null, CleanupResult.NONE,
                false, now, now, null, now);
    }
}
