package io.flowhub.junit.sample;

import java.util.List;
import java.util.Set;

/** The sample classes, as groups the test that runs them launches. */
public final class SampleSuite {

    /** Classes that pass, each with a run of its own. */
    public static final List<Class<?>> PASSING = List.of(CheckoutSample.class, InventorySample.class,
            ProfileSample.class);
    /** A class that fails on purpose and keeps its data. */
    public static final List<Class<?>> FAILING = List.of(KeptOnFailureSample.class);
    /** Two classes sharing one suite-wide run. */
    public static final List<Class<?>> SUITE_WIDE = List.of(SharedRunFirstSample.class, SharedRunSecondSample.class);

    private SampleSuite() {
    }

    /** @return the run ids the suite-wide classes were given */
    public static Set<String> suiteRunIds() {
        return Set.copyOf(SharedRunFirstSample.RUN_IDS);
    }
}
