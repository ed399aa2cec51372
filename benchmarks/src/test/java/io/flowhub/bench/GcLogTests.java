package io.flowhub.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GcLogTests {

    @Test
    void eachCollectionGivesTheHeapLeftAfterItAndTheInUsePeakIsTheMostBeforeAny() {
        var log = GcLog.of(List.of(
                "[0.005s][info][gc] Using G1",
                "[0.912s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 4.123ms",
                "[2.101s][info][gc] GC(1) Pause Young (Concurrent Start) (Metadata GC Threshold) 51M->9M(256M) 6.0ms",
                "[2.310s][info][gc] GC(2) Pause Remark 12M->12M(256M) 2.1ms",
                "[9.700s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 150M->11M(256M) 5.2ms"));

        assertThat(log.inUseMib()).isEqualTo(150.0);
        assertThat(log.afterMib()).containsExactly(6.0, 9.0, 12.0, 11.0);
    }

    @Test
    void kibibyteAndGibibyteFiguresAreReadInTheirUnits() {
        var log = GcLog.of(List.of("GC(0) Pause Full (System.gc()) 1G->512K(2G) 80.0ms"));

        assertThat(log.inUseMib()).isEqualTo(1024.0);
        assertThat(log.afterMib()).containsExactly(0.5);
    }

    @Test
    void aLogWithoutCollectionsHasNoPeaks() {
        var log = GcLog.of(List.of("[0.005s][info][gc] Using G1"));

        assertThat(log.afterMib()).isEmpty();
        assertThat(log.inUseMib()).isZero();
    }
}
