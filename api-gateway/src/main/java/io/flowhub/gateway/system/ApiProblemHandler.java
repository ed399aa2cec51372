package io.flowhub.gateway.system;

import io.flowhub.events.InvalidCommandException;
import io.flowhub.store.MalformedIdException;
import io.flowhub.store.StoreException;
import io.flowhub.engine.erasure.NoReceiptException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns every error into RFC 9457 Problem Details; controllers never build error bodies. */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final Map<TooManyRequestsException.Limit, Counter> throttled = new EnumMap<>(TooManyRequestsException.Limit.class);

    ApiProblemHandler(MeterRegistry meters) {
        // why: registered at start, so a dashboard or an alert sees a zero rather than no series at all
        for (var limit : TooManyRequestsException.Limit.values()) {
            throttled.put(limit, Counter.builder("flowhub.requests.throttled").tag("limit", limit.label())
                    .description("Requests refused with a 429 by one of the gateway's limits").register(meters));
        }
    }

    @ExceptionHandler({MalformedIdException.class, InvalidCommandException.class, BadRequestException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(AuthenticationFailedException.class)
    ProblemDetail unauthorized(AuthenticationFailedException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler({ConflictException.class, NoReceiptException.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(GoneException.class)
    ProblemDetail gone(GoneException e) {
        return problem(HttpStatus.GONE, "Gone", e.getMessage());
    }

    @ExceptionHandler(UnprocessableContentException.class)
    ProblemDetail unprocessable(UnprocessableContentException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable content", e.getMessage());
    }

    /**
     * The firewall checks parameter names and values only when they are first read, inside the
     * controller: one it refuses is the caller's to fix, as at the filter ({@code SecurityConfiguration}).
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()
                + ": send parameter names and values without control or unassigned characters");
    }

    @ExceptionHandler(JobOutcomeException.class)
    ResponseEntity<ProblemDetail> jobOutcome(JobOutcomeException e) {
        ProblemDetail problem = problem(e.status(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        throttled.get(e.limit()).increment();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage()));
    }

    /** An upload the container cannot parse (a NUL in its file name, a broken boundary); too large is a 413 still. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException e) {
        log.info("Refusing an unreadable upload: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "Malformed upload",
                "The upload could not be read: send multipart/form-data with one part named 'file' and a file name "
                        + "of printable characters");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException e) {
        log.warn("Answering 503: {}", e.getMessage(), e.getCause());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", e.getMessage()));
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreException e) {
        // why: the driver's text (hosts, server messages) goes to the log; the client learns what failed
        log.warn("Answering 503: {}", e.getMessage(), e.getCause());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "Could not " + e.action() + ": the database did not answer; try again in a few seconds"));
    }

    /**
     * Anything no other handler knows: a 500 whose body says only that, and a reference that finds the
     * full story in the log. Security's own exceptions go on to its filters, which answer 401 and 403.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException
                || DisconnectedClientHelper.isClientDisconnectedException(e)) {
            throw e;
        }
        String reference = UUID.randomUUID().toString();
        log.error("Answering 500 (reference {})", reference, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; the log has the details under reference " + reference);
        problem.setProperty("reference", reference);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", errors.stream()
                .map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // why: a body sent in chunks passes the limit while the parser reads it, which wraps the refusal
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                unreadableBodyDetail(e)));
    }

    private static String unreadableBodyDetail(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            // why: Jackson's own text names Java types, which say nothing to a client and something about the server
            String expected = cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? ": send " + jsonTypeOf(mismatch.getTargetType()) : "";
            return "Field '" + field + "' has the wrong type or format" + expected;
        }
        if (cause instanceof JacksonException jackson) {
            return "The body is not valid JSON: " + jackson.getOriginalMessage();
        }
        return "The request body is missing or unreadable: send a JSON object";
    }

    private static String jsonTypeOf(Class<?> type) {
        if (type == String.class || type.isEnum() || type == java.util.UUID.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time string";
        }
        return "an object";
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
