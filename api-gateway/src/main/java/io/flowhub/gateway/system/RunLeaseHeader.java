package io.flowhub.gateway.system;

import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.RunIds;
import io.flowhub.store.run.RunLeases;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * {@code X-FlowHub-Run-TTL: N} on any call that carries {@code X-FlowHub-Run} extends that run's lease to at least
 * N seconds from now (1 to a week), or starts one. A header never shortens a lease — only the key's
 * {@code PUT /internal/runs/{runId}} sets one exactly — so a call naming another suite's run cannot bring its
 * cleanup forward.
 */
@Configuration(proxyBeanMethods = false)
class RunLeaseHeader implements WebMvcConfigurer, HandlerInterceptor {

    static final String RUN_HEADER = "X-FlowHub-Run";
    static final String TTL_HEADER = "X-FlowHub-Run-TTL";
    private static final long MOST_SECONDS = 7 * 24 * 3600;

    private final RunLeases leases;

    RunLeaseHeader(RunLeases leases) {
        this.leases = leases;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String ttl = request.getHeader(TTL_HEADER);
        if (ttl == null) {
            return true;
        }
        String run = request.getHeader(RUN_HEADER);
        if (run == null) {
            throw new BadRequestException(TTL_HEADER + " goes with " + RUN_HEADER + ": it extends that run's lease");
        }
        String checked;
        try {
            checked = RunIds.check(RUN_HEADER + " header", run);
        } catch (InvalidCommandException e) {
            throw new BadRequestException(e.getMessage());
        }
        leases.extend(checked, Duration.ofSeconds(seconds(ttl)));
        return true;
    }

    private static long seconds(String ttl) {
        try {
            long seconds = Long.parseLong(ttl.strip());
            if (seconds >= 1 && seconds <= MOST_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // why: answered below with what a valid value is
        }
        throw new BadRequestException(TTL_HEADER + " must be a whole number of seconds, 1 to " + MOST_SECONDS
                + " (a week), not '" + ttl + "'");
    }
}
