package io.flowhub.gateway.system;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A job the request waited for ended other than completed: the status, a title and the job's
 * named properties (its id, its status, what it did until then) for the Problem Details.
 */
public class JobOutcomeException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    public JobOutcomeException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
