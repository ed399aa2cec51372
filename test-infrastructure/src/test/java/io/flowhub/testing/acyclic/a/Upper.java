package io.flowhub.testing.acyclic.a;

import io.flowhub.testing.acyclic.b.Lower;

/** Depends downwards only, for {@code PackageCyclesTests}. */
public class Upper {
    Lower lower;
}
