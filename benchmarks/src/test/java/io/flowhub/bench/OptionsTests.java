package io.flowhub.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTests {

    @Test
    void compareTakesAnEarlierFileAndOptionallyANewerOne() {
        assertThat(BenchmarkSuite.Options.parse(new String[] {"--compare", "old.json"}))
                .isEqualTo(new BenchmarkSuite.Options(false, false, Path.of("old.json"), null));
        assertThat(BenchmarkSuite.Options.parse(new String[] {"--compare", "old.json", "new.json", "--quick"}))
                .isEqualTo(new BenchmarkSuite.Options(true, false, Path.of("old.json"), Path.of("new.json")));
    }

    @Test
    void profileRecordsTheRowsInsteadOfMeasuringThem() {
        assertThat(BenchmarkSuite.Options.parse(new String[] {"--profile"}))
                .isEqualTo(new BenchmarkSuite.Options(false, true, null, null));
    }

    @Test
    void aMissingFileOrAnUnknownArgumentIsAUsageError() {
        assertThatThrownBy(() -> BenchmarkSuite.Options.parse(new String[] {"--compare"}))
                .hasMessageContaining("--compare needs an earlier results file");
        assertThatThrownBy(() -> BenchmarkSuite.Options.parse(new String[] {"--fast"}))
                .hasMessageContaining("Unknown argument '--fast'");
    }
}
