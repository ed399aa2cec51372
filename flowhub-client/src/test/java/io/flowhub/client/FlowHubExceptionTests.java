package io.flowhub.client;

import io.flowhub.client.FlowHubException.ConflictException;
import io.flowhub.client.FlowHubException.InvalidRequestException;
import io.flowhub.client.FlowHubException.RateLimitedException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FlowHubExceptionTests {

    @Test
    void eachStatusACallerTellsApartHasItsOwnExceptionAndTheProblemTravelsWithIt() {
        var conflict = new Problem("about:blank", "Conflict", 409, "Cleanup cancelled", Map.of("job_id", "abc"));

        assertThat(FlowHubException.of(conflict, Optional.empty())).isInstanceOf(ConflictException.class)
                .hasMessage("409 Conflict: Cleanup cancelled")
                .satisfies(e -> assertThat(e.problem().properties()).containsEntry("job_id", "abc"));
        assertThat(FlowHubException.of(problem(422), Optional.empty())).isInstanceOf(InvalidRequestException.class);
        assertThat(FlowHubException.of(problem(503), Optional.empty())).isExactlyInstanceOf(FlowHubException.class);
    }

    @Test
    void aRateLimitCarriesWhenToTryAgain() {
        var limited = (RateLimitedException) FlowHubException.of(problem(429), Optional.of(7L));

        assertThat(limited.retryAfterSeconds()).isEqualTo(7);
    }

    private static Problem problem(int status) {
        return new Problem("about:blank", "HTTP " + status, status, null, null);
    }
}
