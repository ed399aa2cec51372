package io.flowhub.bench.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few rounds of the chaos suite in the test run: one per fault kind, each on another job shape, against real worker
 * processes. The full run is {@code ./flowhub chaos} (100 rounds and more).
 */
class ChaosIntegrationTests {

    @Test
    void everyFaultKindLeavesItsJobTerminalWithExactCountsAndNothingElseTouched() throws Exception {
        int faults = ChaosRound.Fault.values().length;
        List<ChaosRound.Outcome> outcomes = ChaosSuite.run(faults, 20261127L);

        assertThat(outcomes).hasSize(faults);
        assertThat(outcomes).extracting(ChaosRound.Outcome::fault).containsExactly(ChaosRound.Fault.values());
        assertThat(outcomes).extracting(ChaosRound.Outcome::shape).doesNotHaveDuplicates();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.violations())
                .as("round %d (%s, %s, %s)", outcome.round(), outcome.fault(), outcome.shape(), outcome.twist())
                .isEmpty());
    }
}
