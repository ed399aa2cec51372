package io.flowhub.client;

import java.util.Optional;

/**
 * The API answered with an error; {@link #problem()} carries its Problem Details. The subclasses
 * name the cases a test suite reacts to differently.
 */
public class FlowHubException extends RuntimeException {

    private final transient Problem problem;

    public FlowHubException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** @return the exception for this answer: a subclass for the statuses a caller tells apart */
    static FlowHubException of(Problem problem, Optional<Long> retryAfterSeconds) {
        return switch (problem.status()) {
            case 400, 422 -> new InvalidRequestException(problem);
            case 401 -> new UnauthorizedException(problem);
            case 403 -> new ForbiddenException(problem);
            case 404 -> new NotFoundException(problem);
            case 409 -> new ConflictException(problem);
            case 410 -> new GoneException(problem);
            case 429 -> new RateLimitedException(problem, retryAfterSeconds.orElse(1L));
            default -> new FlowHubException(problem);
        };
    }

    /** 400 or 422: the request was malformed; the detail says what to fix. Sending it again fails again. */
    public static final class InvalidRequestException extends FlowHubException {
        public InvalidRequestException(Problem problem) {
            super(problem);
        }
    }

    /** 401: no key or token, or a wrong one. */
    public static final class UnauthorizedException extends FlowHubException {
        public UnauthorizedException(Problem problem) {
            super(problem);
        }
    }

    /** 403: not allowed — for this role, or by the environment policy (no hard delete in production). */
    public static final class ForbiddenException extends FlowHubException {
        public ForbiddenException(Problem problem) {
            super(problem);
        }
    }

    /** 404: no such item, user or job (or none the caller may see). */
    public static final class NotFoundException extends FlowHubException {
        public NotFoundException(Problem problem) {
            super(problem);
        }
    }

    /** 409: the target is not in a state for this (a finished job cancelled, a cleanup cancelled meanwhile). */
    public static final class ConflictException extends FlowHubException {
        public ConflictException(Problem problem) {
            super(problem);
        }
    }

    /** 410: gone for good (an expired plan). */
    public static final class GoneException extends FlowHubException {
        public GoneException(Problem problem) {
            super(problem);
        }
    }

    /** 429: too many jobs or requests for now; try again after {@link #retryAfterSeconds()}. */
    public static final class RateLimitedException extends FlowHubException {

        private final long retryAfterSeconds;

        public RateLimitedException(Problem problem, long retryAfterSeconds) {
            super(problem);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
