package io.flowhub.store;

import io.flowhub.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageCyclesTests {

    @Test
    void noPackageOfThisModuleDependsOnItselfThroughOthers() {
        PackageCycles.assertNoneUnder("io.flowhub.store");
    }
}
