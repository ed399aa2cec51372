package io.flowhub.wiring;

import io.flowhub.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageCyclesTests {

    @Test
    void noPackageOfThisModuleDependsOnItselfThroughOthers() {
        PackageCycles.assertNoneUnder("io.flowhub.wiring");
    }
}
