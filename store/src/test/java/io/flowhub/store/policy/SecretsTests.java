package io.flowhub.store.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTests {

    private static final String SETTING = "the thing (flowhub.thing, FLOWHUB_THING)";

    @Test
    void developmentAndTestTakeTheBuiltInValueButNeverAnEmptyOne() {
        for (Environment environment : new Environment[] {Environment.DEVELOPMENT, Environment.TEST}) {
            assertThatCode(() -> Secrets.check(environment, SETTING, "built-in", "built-in", 32))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> Secrets.check(environment, SETTING, " ", "built-in", 32))
                    .hasMessage(SETTING + " is empty: set it (an empty secret would let anyone in)");
        }
    }

    @Test
    void stagingAndProductionRefuseTheBuiltInValueAndShortOnesWithoutSayingWhatWasSet() {
        for (Environment environment : new Environment[] {Environment.STAGING, Environment.PRODUCTION}) {
            assertThatThrownBy(() -> Secrets.check(environment, SETTING, "built-in-and-long-enough-too",
                    "built-in-and-long-enough-too", 8))
                    .hasMessageContaining("must not use the built-in value of " + SETTING)
                    .hasMessageNotContaining("built-in-and-long-enough-too");
            assertThatThrownBy(() -> Secrets.check(environment, SETTING, "s3cret", "built-in", 12))
                    .hasMessageContaining("needs " + SETTING + " of at least 12 characters")
                    .hasMessageNotContaining("s3cret");
            assertThatCode(() -> Secrets.check(environment, SETTING, "twelve chars", "built-in", 12))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theExampleComposeFilesPlaceholdersAreRefusedSoACopiedExampleNeverStarts() throws IOException {
        List<String> secrets = Files.readAllLines(Path.of("../ops/compose.env.example")).stream()
                .filter(line -> line.matches("FLOWHUB_(INTERNAL_KEY|JWT_SECRET|ADMIN_PASSWORD)=.*"))
                .map(line -> line.substring(line.indexOf('=') + 1))
                .toList();

        assertThat(secrets).hasSize(3);
        for (String placeholder : secrets) {
            assertThatThrownBy(() -> Secrets.check(Environment.STAGING, SETTING, placeholder, "built-in", 12))
                    .hasMessageContaining("must not use a placeholder as " + SETTING)
                    .hasMessageNotContaining(placeholder);
        }
    }
}
