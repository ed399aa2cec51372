package io.flowhub.cleanup.job;

import io.flowhub.engine.BatchContext;
import io.flowhub.engine.Checkpoint;
import io.flowhub.engine.LedgerEntry;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StepsTests {

    private final Steps purge = Steps.of(new Counted("items", 240, true), new Counted("records", 30, true));

    @Test
    void aJobNotYetStartedCoversWhatEveryStepHasBeforeIt() {
        assertThat(purge.total(Checkpoint.START)).isEqualTo(270);
    }

    @Test
    void aJobGoingOnCoversWhatItWorkedThroughAndWhatItsStepAndTheStepsAfterItHaveLeft() {
        assertThat(purge.total(new Checkpoint(2, "items", 200, null))).isEqualTo(200 + 240 + 30);
        assertThat(purge.total(new Checkpoint(4, "records", 270, null))).isEqualTo(270 + 30);
    }

    @Test
    void theTotalTakesAReadWhenAnyStepsDoes() {
        assertThat(purge.totalTakesARead()).isTrue();
        assertThat(Steps.of(new Counted("dry_run", 0, false)).totalTakesARead()).isFalse();
        assertThat(Steps.of(new Counted("dry_run", 0, false)).total(Checkpoint.START)).isZero();
    }

    /** A step that has {@code left} to do whatever the checkpoint says: what the {@link Steps} ask of it is the point. */
    private record Counted(String name, long left, boolean reads) implements Steps.Step {

        @Override
        public long left(Checkpoint from) {
            return left;
        }

        @Override
        public boolean totalTakesARead() {
            return reads;
        }

        @Override
        public Optional<LedgerEntry> next(BatchContext batch) {
            return Optional.empty();
        }
    }
}
