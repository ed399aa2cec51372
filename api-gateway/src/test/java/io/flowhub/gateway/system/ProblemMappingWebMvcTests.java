package io.flowhub.gateway.system;

import io.flowhub.store.MalformedIdException;
import io.flowhub.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The gateway's mapping of failures to RFC 9457 Problem Details, in a slice of Spring MVC alone (no MongoDB, no
 * Kafka, no security): what each kind of failure a feature throws answers, and that no server text leaks out.
 */
// why: the slice keeps MVC's own beans; the gateway's filters and security configuration need the stores, so they stay out
@WebMvcTest(controllers = ProblemMappingWebMvcTests.Failing.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "io\\.flowhub\\.gateway\\.(internal\\.InternalKeyFilter|auth\\..*"
                + "|system\\.JobLogContext|system\\.RequestBodyLimitFilter|system\\.RunLeaseHeader)"))
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemMappingWebMvcTests.Failing.class, ProblemMappingWebMvcTests.Meters.class})
class ProblemMappingWebMvcTests {

    @Autowired
    private MockMvc mvc;

    @Test
    void aMalformedIdIsA400ThatSaysWhatToFix() throws Exception {
        mvc.perform(get("/failing/malformed-id"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(
                        "'nope' is not a valid item id: expected a 24-character hexadecimal ObjectId"));
    }

    @Test
    void aLimitIsA429WithItsRetryAfterInSeconds() throws Exception {
        mvc.perform(get("/failing/limited"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(jsonPath("$.detail").value("You have 10 bulk jobs queued or running"));
    }

    @Test
    void theDatabaseNotAnsweringIsA503ThatKeepsTheDriversTextToTheLog() throws Exception {
        mvc.perform(get("/failing/store"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value(
                        "Could not read users: the database did not answer; try again in a few seconds"))
                .andExpect(content().string(not(containsString("db-host-7"))));
    }

    @Test
    void anythingUnforeseenIsA500WithAReferenceAndNothingElse() throws Exception {
        mvc.perform(get("/failing/unforeseen"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.reference").isNotEmpty())
                .andExpect(content().string(not(containsString("secret internals"))));
    }

    @Test
    void aMissingResourceIsA404ProblemNamingIt() throws Exception {
        mvc.perform(get("/failing/missing/665f1f77bcf86cd799439011"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("665f1f77bcf86cd799439011")));
    }

    /** Throws what features throw. */
    @RestController
    static class Failing {

        @GetMapping("/failing/malformed-id")
        String malformedId() {
            throw new MalformedIdException("item id", "nope");
        }

        @GetMapping("/failing/limited")
        String limited() {
            throw new TooManyRequestsException(TooManyRequestsException.Limit.ACTIVE_JOBS,
                    "You have 10 bulk jobs queued or running", Duration.ofSeconds(7));
        }

        @GetMapping("/failing/store")
        String store() {
            throw new StoreException("read users", new IllegalStateException("timed out talking to db-host-7:27017"));
        }

        @GetMapping("/failing/unforeseen")
        String unforeseen() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/failing/missing/{id}")
        String missing(@PathVariable String id) {
            throw new NotFoundException("Item", id);
        }
    }

    @TestConfiguration
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
