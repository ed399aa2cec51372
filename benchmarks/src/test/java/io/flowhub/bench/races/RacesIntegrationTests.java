package io.flowhub.bench.races;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three rounds of the race suite in the test run, against two instances of every service in JVMs of their own; the
 * seed is one whose three rounds between them run every race. The full run is {@code ./flowhub races} (100 rounds).
 */
class RacesIntegrationTests {

    private static final long SEED = 20261205L;

    @Test
    void concurrentCallsOverTwoGatewaysLeaveOneJobPerKeyExactCountsAndEveryItemExplained() throws Exception {
        List<RaceRound.Outcome> outcomes = RaceSuite.run(3, SEED);

        assertThat(outcomes).hasSize(3);
        var ran = EnumSet.noneOf(RaceRound.Race.class);
        outcomes.forEach(outcome -> ran.addAll(outcome.races()));
        assertThat(ran).containsExactlyInAnyOrder(RaceRound.Race.values());
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.violations())
                .as("round %d (%s), replay: ./flowhub races --seed %d --round %d", outcome.round(), outcome.races(), SEED,
                        outcome.round()).isEmpty());
    }
}
