package io.flowhub.testing.cyclic.a;

import io.flowhub.testing.cyclic.b.Second;

/** Half of a package cycle, for {@code PackageCyclesTests}. */
public class First {
    Second second;
}
