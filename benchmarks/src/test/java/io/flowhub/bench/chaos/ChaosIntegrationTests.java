package io.flowhub.bench.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few rounds of the chaos suite in the test run: one per fault kind, each on another job shape
 * (bulk by ids, bulk by filter, per-user purge, tag cleanup), against real worker processes. The
 * full run is {@code ./flowhub chaos} (100 rounds).
 */
class ChaosIntegrationTests {

    @Test
    void everyFaultKindLeavesItsJobTerminalWithExactCountsAndNothingElseTouched() throws Exception {
        List<ChaosRound.Outcome> outcomes = ChaosSuite.run(4, 20261127L);

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes).extracting(ChaosRound.Outcome::fault).containsExactly(ChaosRound.Fault.values());
        assertThat(outcomes).extracting(ChaosRound.Outcome::shape).containsExactly(ChaosRound.Shape.values());
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.violations())
                .as("round %d (%s, %s)", outcome.round(), outcome.fault(), outcome.shape()).isEmpty());
    }
}
