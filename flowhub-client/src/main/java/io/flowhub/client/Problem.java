package io.flowhub.client;

import java.util.Map;

/**
 * An RFC 9457 Problem Details answer, as the API gives it for every error.
 *
 * @param type       a URI naming the kind of problem, or {@code about:blank}
 * @param title      a short summary
 * @param status     the HTTP status
 * @param detail     what went wrong and what to fix
 * @param properties any other members (a cancelled cleanup's {@code deleted}, a {@code job_id}, ...)
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> properties) {

    public Problem {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
