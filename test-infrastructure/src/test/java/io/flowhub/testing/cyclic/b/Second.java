package io.flowhub.testing.cyclic.b;

import io.flowhub.testing.cyclic.a.First;

/** The other half of a package cycle, for {@code PackageCyclesTests}. */
public class Second {
    First first;
}
