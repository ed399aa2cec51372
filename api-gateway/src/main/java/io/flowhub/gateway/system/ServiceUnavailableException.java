package io.flowhub.gateway.system;

/** A dependency (Kafka or MongoDB) did not answer in time; the request may be retried. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
