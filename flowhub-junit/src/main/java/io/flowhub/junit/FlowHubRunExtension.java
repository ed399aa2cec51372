package io.flowhub.junit;

import io.flowhub.client.CleanupOutcome;
import io.flowhub.client.FlowHubClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What {@link FlowHubRun} does: a run id per class or suite, a client that carries it, and the run's
 * cleanup with a check that nothing of it is left. Thread-safe, so classes may run in parallel.
 */
public class FlowHubRunExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {

    static final String DEFAULT_URL = "http://localhost:8080";
    static final String DEFAULT_INTERNAL_KEY = "flowhub-secret-automation-key-2025";

    private static final Logger log = Logger.getLogger(FlowHubRunExtension.class.getName());
    // why: one daemon thread renews every run's lease; a JVM that dies stops renewing, which is the point
    private static final ScheduledExecutorService RENEWER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("flowhub-run-lease").daemon().factory());
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlowHubRunExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        run(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FlowHubClient.class
                || parameter.getParameter().getType() == FlowHubUsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Run run = run(context);
        return parameter.getParameter().getType() == FlowHubUsers.class ? run.users() : run.client();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        run(context).failed();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FlowHubRun settings = settings(context);
        if (settings.scope() == FlowHubRun.Scope.CLASS) {
            run(context).close();
        }
    }

    /** @return the run of this class or suite, begun on first use */
    private Run run(ExtensionContext context) {
        FlowHubRun settings = settings(context);
        ExtensionContext owner = settings.scope() == FlowHubRun.Scope.SUITE ? context.getRoot()
                : classContext(context);
        // why: a suite's run is closed by JUnit when the root context closes, after every class that shares it
        return owner.getStore(NAMESPACE).computeIfAbsent(Run.class, ignored -> begin(settings, context), Run.class);
    }

    private static Run begin(FlowHubRun settings, ExtensionContext context) {
        String url = setting(settings.url(), context, "flowhub.url", "FLOWHUB_URL", DEFAULT_URL);
        String key = setting(settings.internalKey(), context, "flowhub.internal-key", "FLOWHUB_INTERNAL_KEY",
                DEFAULT_INTERNAL_KEY);
        String prefix = settings.prefix().isEmpty()
                ? (settings.scope() == FlowHubRun.Scope.SUITE ? "suite" : classContext(context).getRequiredTestClass()
                        .getSimpleName())
                : settings.prefix();
        String runId = runId(prefix);
        var client = FlowHubClient.builder().url(url).runId(runId).build();
        log.info(() -> "FlowHub run " + runId + " begins at " + url);
        var run = new Run(runId, client, client.withInternalKey(key), settings);
        run.lease();
        return run;
    }

    /** @return a run id from the prefix: the characters a run id allows, cut to leave room for a random tail */
    static String runId(String prefix) {
        String cleaned = prefix.replaceAll("[^A-Za-z0-9._:-]", "-");
        String tail = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        return cleaned.substring(0, Math.min(cleaned.length(), 64 - tail.length() - 1)) + "-" + tail;
    }

    private static String setting(String given, ExtensionContext context, String parameter, String variable,
            String fallback) {
        if (!given.isEmpty()) {
            return given;
        }
        return context.getConfigurationParameter(parameter)
                .or(() -> java.util.Optional.ofNullable(System.getenv(variable)))
                .filter(value -> !value.isBlank()).orElse(fallback);
    }

    private static FlowHubRun settings(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(classContext(context).getRequiredTestClass(), FlowHubRun.class)
                .orElseThrow(() -> new IllegalStateException("FlowHubRunExtension is used through @FlowHubRun"));
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() || current.getTestClass().isEmpty()) {
            current = current.getParent().orElseThrow(() -> new IllegalStateException("@FlowHubRun needs a test class"));
        }
        return current;
    }

    /** One run: its id, its clients, and whether a test of it failed. Closing it cleans it up. */
    static final class Run implements AutoCloseable {

        private final String runId;
        private final FlowHubClient client;
        private final FlowHubClient internal;
        private final FlowHubRun settings;
        private volatile boolean failed;
        private boolean closed;
        private static final Duration KEPT_FOR = Duration.ofDays(7);
        private ScheduledFuture<?> renewal;

        Run(String runId, FlowHubClient client, FlowHubClient internal, FlowHubRun settings) {
            this.runId = runId;
            this.client = client;
            this.internal = internal;
            this.settings = settings;
        }

        FlowHubClient client() {
            return client;
        }

        FlowHubUsers users() {
            return new FlowHubUsers(internal, client);
        }

        /** Leases the run and renews the lease a third of the way through, while the run lives. */
        void lease() {
            if (settings.leaseSeconds() <= 0) {
                return;
            }
            Duration ttl = Duration.ofSeconds(settings.leaseSeconds());
            renew(ttl);
            long every = Math.max(1, ttl.toSeconds() / 3);
            renewal = RENEWER.scheduleWithFixedDelay(() -> renew(ttl), every, every, TimeUnit.SECONDS);
        }

        private void renew(Duration ttl) {
            try {
                internal.runs().lease(runId, ttl);
            } catch (RuntimeException e) {
                // why: the lease is the net for a killed JVM; a missed renewal is tried again, the tests go on
                log.warning(() -> "FlowHub run " + runId + ": its lease was not renewed: " + e.getMessage());
            }
        }

        void failed() {
            failed = true;
        }

        /**
         * Cleans the run up and checks nothing of it is left.
         *
         * @throws AssertionError when items of the run are left after its cleanup
         */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (renewal != null) {
                renewal.cancel(false);
            }
            if (failed && settings.keepOnFailure()) {
                if (settings.leaseSeconds() > 0) {
                    // why: kept for a person, so its lease must not run out within minutes and have it reaped
                    renew(KEPT_FOR);
                }
                log.warning(() -> "FlowHub run " + runId + " is kept for you to look at (keepOnFailure) for up to "
                        + KEPT_FOR.toDays() + " days; remove it with DELETE /api/v1/internal/runs/" + runId);
                return;
            }
            CleanupOutcome cleaned = internal.cleanups().run(runId, settings.hardDelete(), false);
            long left = internal.cleanups().run(runId, settings.hardDelete(), true).items();
            log.info(() -> "FlowHub run " + runId + " cleaned up: " + cleaned.deleted());
            if (left > 0) {
                throw new AssertionError("FlowHub run " + runId + " still has " + left + " item(s) after its cleanup "
                        + "(job " + cleaned.jobId() + "): something kept creating under the run while it was removed");
            }
        }
    }
}
