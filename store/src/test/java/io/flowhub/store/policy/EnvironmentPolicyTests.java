package io.flowhub.store.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentPolicyTests {

    private static EnvironmentPolicy in(String environment, boolean allowFullReset) {
        return new EnvironmentPolicy(new PolicySettings(environment, "a-real-secret-long-enough-for-staging", allowFullReset));
    }

    @Test
    void developmentAndTestAllowEverything() {
        for (String environment : new String[] {"development", "test"}) {
            assertThat(in(environment, false).refusesHardDelete()).isEmpty();
            assertThat(in(environment, false).refusesFullReset()).isEmpty();
        }
    }

    @Test
    void stagingHardDeletesButResetsOnlyWhenAllowed() {
        assertThat(in("staging", false).refusesHardDelete()).isEmpty();
        assertThat(in("staging", false).refusesFullReset()).hasValueSatisfying(reason -> assertThat(reason).contains("staging"));
        assertThat(in("staging", true).refusesFullReset()).isEmpty();
    }

    @Test
    void productionNeverHardDeletesNorResetsWhateverTheFlagSays() {
        assertThat(in("production", true).refusesHardDelete()).isPresent();
        assertThat(in("production", true).refusesFullReset()).isPresent();
    }

    @Test
    void stagingAndProductionRefuseToStartWithTheBuiltInKey() {
        for (String environment : new String[] {"staging", "production"}) {
            assertThatThrownBy(() -> new EnvironmentPolicy(
                    new PolicySettings(environment, PolicySettings.DEFAULT_INTERNAL_KEY, false)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("FLOWHUB_INTERNAL_KEY");
        }
        assertThat(new EnvironmentPolicy(new PolicySettings("test", PolicySettings.DEFAULT_INTERNAL_KEY, false))
                .environment()).isEqualTo(Environment.TEST);
    }

    @Test
    void theKeyNeverAppearsInTheSettingsText() {
        assertThat(new PolicySettings("test", "super-secret-key", false).toString()).doesNotContain("super-secret-key");
    }

    @Test
    void anUnknownEnvironmentSaysWhichAreKnown() {
        assertThatThrownBy(() -> in("prod", false)).hasMessageContaining("development, test, staging, production");
    }
}
