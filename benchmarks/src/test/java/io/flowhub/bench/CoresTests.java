package io.flowhub.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoresTests {

    @Test
    void aKernelCpuListIsReadWithItsRanges() {
        assertThat(Cores.parseList("0-1")).containsExactly(0, 1);
        assertThat(Cores.parseList("0,2-4,7")).containsExactly(0, 2, 3, 4, 7);
        assertThat(Cores.parseList("3")).containsExactly(3);
    }

    @Test
    void thisProcessMayRunOnAtLeastOneCore() {
        assertThat(Cores.allowedCores()).isNotEmpty();
    }
}
