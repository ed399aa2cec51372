package io.flowhub.gateway.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts the job a request is about ({@code /jobs/{id}/...}, {@code /internal/jobs/{id}/...},
 * {@code /bulk-operations/{id}}) in the logging context as {@code job_id} while the request is handled, so that
 * whatever the gateway logs about a cancel, an undo, a receipt or a stream carries it as a field of the JSON line.
 * A job the request creates is named where its command is published ({@link io.flowhub.gateway.job.JobPublisher}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class JobLogContext extends OncePerRequestFilter {

    static final String JOB_ID = "job_id";
    private static final Pattern JOB_PATH = Pattern.compile(
            "^/api/v1/(?:internal/)?(?:jobs|bulk-operations)/([0-9a-fA-F]{24})(?:/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = JOB_PATH.matcher(request.getRequestURI());
        if (!path.matches()) {
            chain.doFilter(request, response);
            return;
        }
        try (var jobId = MDC.putCloseable(JOB_ID, path.group(1).toLowerCase(Locale.ROOT))) {
            chain.doFilter(request, response);
        }
    }

    /** why: an event stream's request ends long after the filter has returned; its log lines need no context */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
