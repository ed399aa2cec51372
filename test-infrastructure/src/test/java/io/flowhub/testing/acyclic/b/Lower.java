package io.flowhub.testing.acyclic.b;

/** Depends on nothing, for {@code PackageCyclesTests}. */
public class Lower {
}
