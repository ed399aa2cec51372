package io.flowhub.gateway.internal;

import io.flowhub.gateway.system.ProblemWriter;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.PolicySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Guards {@code /api/v1/internal/**}: the {@code x-internal-key} header must match the configured
 * key. Both are hashed and compared with {@link MessageDigest#isEqual}, so the time taken does not
 * depend on how much of the key was right (or on its length). The key is never logged; requests
 * are named in the audit by a key id, the first characters of the key's hash.
 */
class InternalKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "x-internal-key";
    static final String CALLER_ATTRIBUTE = InternalKeyFilter.class.getName() + ".caller";

    private final byte[] expected;
    private final String keyId;
    private final ProblemWriter problems;
    private final AuditLog audit;
    private final EnvironmentPolicy policy;
    private final InternalMetrics metrics;

    InternalKeyFilter(PolicySettings settings, ProblemWriter problems, AuditLog audit, EnvironmentPolicy policy,
            InternalMetrics metrics) {
        this.expected = sha256(settings.internalKey());
        this.keyId = "key:" + HexFormat.of().formatHex(expected).substring(0, 8);
        this.problems = problems;
        this.audit = audit;
        this.policy = policy;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        // why: an empty header is no key (and an empty configured key never starts: Secrets)
        if (given != null && given.isBlank()) {
            given = null;
        }
        if (given == null || !MessageDigest.isEqual(expected, sha256(given))) {
            audit.recordRefused(request.getMethod() + " " + request.getRequestURI(),
                    given == null ? "denied: no key" : "denied: wrong key", request.getRemoteAddr(),
                    policy.environment().wireValue());
            metrics.audited("denied");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    given == null ? "Send the internal key in the x-internal-key header" : "The x-internal-key is wrong");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, keyId);
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
