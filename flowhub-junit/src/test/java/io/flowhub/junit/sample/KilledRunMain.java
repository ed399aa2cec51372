package io.flowhub.junit.sample;

import org.junit.platform.launcher.core.LauncherFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs {@link KilledSample} in this JVM, which it kills: {@code KilledRunMain <gateway url> <internal key>}. */
public final class KilledRunMain {

    private KilledRunMain() {
    }

    public static void main(String[] arguments) {
        LauncherFactory.create().execute(request().selectors(selectClass(KilledSample.class))
                .configurationParameter("flowhub.url", arguments[0])
                .configurationParameter("flowhub.internal-key", arguments[1]).build());
    }
}
