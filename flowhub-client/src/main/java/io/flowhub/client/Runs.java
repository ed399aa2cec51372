package io.flowhub.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Test runs and their users, with the internal key: test identities made under the client's run id, the run's
 * lease (a run whose lease runs out is cleaned up for it, so a killed suite leaves nothing for long), and the runs
 * that exist.
 */
public final class Runs {

    private final Http http;

    Runs(Http http) {
        this.http = http;
    }

    /**
     * @param role {@code EDITOR}, {@code VIEWER} or {@code ADMIN}
     * @return a new user of that role with its bearer token, belonging to the client's run when it has one
     */
    public TestUser newUser(String role) {
        return http.post("/api/v1/internal/users", Map.of(), Map.of("role", role), Map.of()).data(TestUser.class);
    }

    /** Sets the run's lease to end {@code ttl} from now (whole seconds, 1 to a week). */
    public Run lease(String runId, Duration ttl) {
        return http.put("/api/v1/internal/runs/" + Http.encode(runId), Map.of("ttl_seconds", ttl.toSeconds()))
                .data(Run.class);
    }

    public Run show(String runId) {
        return http.get("/api/v1/internal/runs/" + Http.encode(runId), Map.of()).data(Run.class);
    }

    /** @return every run: leased, or carried by items or users */
    public List<Run> list() {
        return Arrays.asList(Http.JSON.treeToValue(http.get("/api/v1/internal/runs", Map.of()).data(), Run[].class));
    }
}
