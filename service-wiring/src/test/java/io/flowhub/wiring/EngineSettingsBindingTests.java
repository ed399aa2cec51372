package io.flowhub.wiring;

import io.flowhub.engine.EngineSettings;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSettingsBindingTests {

    private static final EngineSettings DEFAULTS = new EngineSettings(50, Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1), "generated");

    @Test
    void aSettingGivenUnderThePrefixWinsAndTheWorkersDefaultsStandForTheRest() {
        var environment = new MockEnvironment().withProperty("flowhub.bulk.lease", "3s")
                .withProperty("flowhub.bulk.batch-size", "7").withProperty("flowhub.cleanup.slice", "9s");

        EngineSettings bound = EngineSettingsBinding.bind(environment, "flowhub.bulk", DEFAULTS);

        assertThat(bound).isEqualTo(new EngineSettings(7, Duration.ofSeconds(30), Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1), "generated"));
    }

    @Test
    void theDocumentedEnvironmentVariablesSetThem() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-environment",
                Map.of("FLOWHUB_CLEANUP_LEASE", "90s", "FLOWHUB_CLEANUP_WORKER_ID", "cleanup-a")));

        EngineSettings bound = EngineSettingsBinding.bind(environment, "flowhub.cleanup", DEFAULTS);

        assertThat(bound.lease()).isEqualTo(Duration.ofSeconds(90));
        assertThat(bound.workerId()).isEqualTo("cleanup-a");
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingTheSetting() {
        var environment = new MockEnvironment().withProperty("flowhub.cleanup.batch-size", "0");

        assertThatThrownBy(() -> EngineSettingsBinding.bind(environment, "flowhub.cleanup", DEFAULTS))
                .hasMessageStartingWith("flowhub.cleanup.batch-size 0 is out of range");
    }
}
