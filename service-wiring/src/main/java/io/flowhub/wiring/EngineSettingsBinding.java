package io.flowhub.wiring;

import io.flowhub.engine.EngineSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * Binds a worker's {@link EngineSettings} under its prefix, each setting as Spring binds any other (relaxed
 * names, so {@code FLOWHUB_BULK_LEASE} sets {@code flowhub.bulk.lease}; {@code 30s} is a duration), and the
 * worker's own default where a setting is not given.
 */
public final class EngineSettingsBinding {

    private EngineSettingsBinding() {
    }

    /**
     * @param prefix   {@code flowhub.bulk} or {@code flowhub.cleanup}
     * @param defaults the worker's defaults, the one place they are written
     * @throws IllegalStateException naming the setting when a value is out of range
     */
    public static EngineSettings bind(Environment environment, String prefix, EngineSettings defaults) {
        Binder binder = Binder.get(environment);
        String workerId = binder.bind(prefix + ".worker-id", String.class).orElse("");
        try {
            return new EngineSettings(
                    binder.bind(prefix + ".batch-size", Integer.class).orElse(defaults.batchSize()),
                    binder.bind(prefix + ".retry-for", Duration.class).orElse(defaults.retryFor()),
                    binder.bind(prefix + ".lease", Duration.class).orElse(defaults.lease()),
                    binder.bind(prefix + ".sweep-interval", Duration.class).orElse(defaults.sweepInterval()),
                    binder.bind(prefix + ".outbox-grace", Duration.class).orElse(defaults.outboxGrace()),
                    binder.bind(prefix + ".slice", Duration.class).orElse(defaults.slice()),
                    workerId.isBlank() ? defaults.workerId() : workerId);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "." + e.getMessage(), e);
        }
    }
}
