package io.flowhub.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed client of the FlowHub API for test suites, on the JDK's HttpClient and Jackson:
 * {@link #items()}, {@link #jobs()} and, with the internal key, {@link #cleanups()}. A client built
 * with a run id sends it ({@code X-FlowHub-Run}) on every call, so everything it creates belongs to
 * that run and one cleanup removes exactly that. Errors are {@link FlowHubException}s carrying the
 * API's Problem Details. Clients are immutable and safe to share between threads.
 *
 * <pre>{@code
 * var client = FlowHubClient.builder().url("http://localhost:8080").bearerToken(token).runId("ci-42").build();
 * client.items().create(NewItem.named("fixture"));
 * var cleaned = client.withInternalKey(key).cleanups().run("ci-42", true, false);
 * }</pre>
 */
public final class FlowHubClient {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Builder settings;
    private final Http http;

    private FlowHubClient(Builder settings) {
        this.settings = settings;
        var headers = new LinkedHashMap<String, String>();
        if (settings.token != null) {
            headers.put("Authorization", "Bearer " + settings.token);
        }
        if (settings.internalKey != null) {
            headers.put("x-internal-key", settings.internalKey);
        }
        if (settings.runId != null) {
            headers.put("X-FlowHub-Run", settings.runId);
        }
        this.http = new Http(settings.http, settings.url, headers, settings.timeout, settings.retryFor);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Items items() {
        return new Items(http, settings.runId);
    }

    public Jobs jobs() {
        return new Jobs(http, settings.token != null);
    }

    /** @throws IllegalStateException when the client has no internal key */
    public Cleanups cleanups() {
        if (settings.internalKey == null) {
            throw new IllegalStateException("The cleanup API needs the internal key: build the client with internalKey(...)");
        }
        return new Cleanups(http, false);
    }

    /**
     * @return test runs, their leases and their test users
     * @throws IllegalStateException when the client has no internal key
     */
    public Runs runs() {
        if (settings.internalKey == null) {
            throw new IllegalStateException("The runs API needs the internal key: build the client with internalKey(...)");
        }
        return new Runs(http);
    }

    /** @return the run id this client stamps on what it creates, or {@code null} */
    public String runId() {
        return settings.runId;
    }

    /** @return this client acting under another run id */
    public FlowHubClient withRunId(String runId) {
        return settings.copy().runId(runId).build();
    }

    /** @return this client with the internal key as well */
    public FlowHubClient withInternalKey(String key) {
        return settings.copy().internalKey(key).build();
    }

    /** @return this client signed in as another user */
    public FlowHubClient withBearerToken(String token) {
        return settings.copy().bearerToken(token).build();
    }

    /** @return a token for this account ({@code POST /auth/login}); the client itself stays as it is */
    public String signIn(String email, String password) {
        return http.post("/api/v1/auth/login", Map.of(), Map.of("email", email, "password", password), Map.of())
                .data().path("token").asString();
    }

    /** Registers an account (an EDITOR); sign in with {@link #signIn} to act as it. */
    public void register(String email, String password, String name) {
        http.post("/api/v1/auth/register", Map.of(), Map.of("email", email, "password", password, "name", name),
                Map.of());
    }

    /** What a client is built from; every setting but the URL is optional. */
    public static final class Builder {

        private URI url = URI.create("http://localhost:8080");
        private String token;
        private String internalKey;
        private String runId;
        private Duration timeout = Duration.ofSeconds(60);
        private Duration retryFor = Duration.ofMinutes(2);
        private HttpClient http;

        private Builder() {
        }

        /** @param url where the gateway listens, such as {@code http://localhost:8080} */
        public Builder url(String url) {
            this.url = URI.create(url.endsWith("/") ? url : url + "/");
            return this;
        }

        public Builder bearerToken(String token) {
            this.token = token;
            return this;
        }

        public Builder internalKey(String key) {
            this.internalKey = key;
            return this;
        }

        /** @throws IllegalArgumentException for anything but 1 to 64 of {@code A-Z a-z 0-9 . _ : -} */
        public Builder runId(String runId) {
            if (runId != null && !RUN_ID.matcher(runId).matches()) {
                throw new IllegalArgumentException("'" + runId + "' is not a valid run id: use 1 to 64 characters of "
                        + "A-Z, a-z, 0-9, '.', '_', ':' and '-'");
            }
            this.runId = runId;
            return this;
        }

        /** @param timeout how long one call may take; a cleanup waits up to 30 s by default, so keep it above that */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * @param retryFor how long a call refused with 429 (a limit: the owner's cap of active jobs, a sign-in
         *                 bucket) keeps being sent again, each time after the {@code Retry-After} the gateway
         *                 names; past it the 429 is thrown. {@link Duration#ZERO} never retries.
         */
        public Builder retryFor(Duration retryFor) {
            this.retryFor = Objects.requireNonNull(retryFor);
            return this;
        }

        public FlowHubClient build() {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                        .build();
            }
            return new FlowHubClient(this);
        }

        private Builder copy() {
            var copy = new Builder();
            copy.url = url;
            copy.token = token;
            copy.internalKey = internalKey;
            copy.runId = runId;
            copy.timeout = timeout;
            copy.retryFor = retryFor;
            copy.http = http;
            return copy;
        }
    }
}
