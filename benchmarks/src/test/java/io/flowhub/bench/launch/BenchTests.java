package io.flowhub.bench.launch;

import io.flowhub.bench.ChildJvm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTests {

    @Test
    void childJvmsStartThisEntryPoint() {
        assertThat(ChildJvm.MAIN_CLASS).isEqualTo(Bench.class.getName());
    }
}
