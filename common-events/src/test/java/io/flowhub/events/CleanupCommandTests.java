package io.flowhub.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CleanupCommandTests {

    private static final String USER = "665f1f77bcf86cd799439011";
    private static final String PLAN = "665f1f77bcf86cd799439012";

    @Test
    void aCommandDeletesForGoodUnlessItIsASoftCleanupOrTheOrphanSweepAndAPlanAsItsCommandDoes() {
        var purge = new PurgeUserData(1, UUID.randomUUID(), null, "key:k", false, USER, true, true, Instant.now());
        var soft = new CleanupByTags(1, UUID.randomUUID(), null, "key:k", false, List.of("t"), null, null, null, false,
                Instant.now(), null);
        var softRun = new CleanupRun(1, UUID.randomUUID(), null, "key:k", false, "ci-1", false, Instant.now());
        var sweep = new SweepOrphanFiles(1, UUID.randomUUID(), null, "schedule", false, Instant.now());

        assertThat(purge.deletesForGood()).isTrue();
        assertThat(soft.deletesForGood()).isFalse();
        assertThat(softRun.deletesForGood()).isFalse();
        assertThat(sweep.deletesForGood()).isFalse();
        assertThat(plan(purge).deletesForGood()).isTrue();
        assertThat(plan(soft).deletesForGood()).isFalse();
    }

    @Test
    void onlyAPurgePlannedOrNotIsAboutOneUser() {
        var purge = new PurgeUserData(1, UUID.randomUUID(), null, "key:k", false, USER, true, true, Instant.now());
        var byTags = new CleanupByTags(1, UUID.randomUUID(), null, "key:k", false, List.of("t"), null, USER, null, true,
                Instant.now(), null);

        assertThat(purge.targetUserId()).isEqualTo(USER);
        assertThat(plan(purge).targetUserId()).isEqualTo(USER);
        assertThat(byTags.targetUserId()).isNull();
    }

    private static ApplyPlan plan(CleanupCommand planned) {
        return new ApplyPlan(1, UUID.randomUUID(), null, "key:k", PLAN, planned, Instant.now());
    }
}
