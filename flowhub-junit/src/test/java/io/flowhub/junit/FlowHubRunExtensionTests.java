package io.flowhub.junit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowHubRunExtensionTests {

    @Test
    void aRunIdIsThePrefixInTheAllowedCharactersWithARandomTail() {
        String runId = FlowHubRunExtension.runId("Orders Tests$Nested/äö");

        assertThat(runId).matches("Orders-Tests-Nested----[0-9a-f]{8}");
        assertThat(FlowHubRunExtension.runId("Orders")).isNotEqualTo(FlowHubRunExtension.runId("Orders"));
    }

    @Test
    void aLongPrefixIsCutSoTheRunIdFitsInSixtyFourCharacters() {
        String runId = FlowHubRunExtension.runId("x".repeat(200));

        assertThat(runId).hasSize(64).matches("[A-Za-z0-9._:-]{1,64}");
    }
}
