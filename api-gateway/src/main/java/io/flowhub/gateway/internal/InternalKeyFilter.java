package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.store.Sha256;
import io.flowhub.gateway.limit.ClientAddresses;
import io.flowhub.gateway.system.ProblemWriter;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.PolicySettings;
import io.flowhub.store.user.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Guards {@code /api/v1/internal/**}: the {@code x-internal-key} header must match the configured
 * key. Both are hashed and compared with {@link MessageDigest#isEqual}, so the time taken does not
 * depend on how much of the key was right (or on its length). The key is never logged; requests
 * are named in the audit by a key id, the first characters of the key's hash.
 * <p>
 * An operator's calls ({@link #OPERATOR_PATHS}: jobs, the audit log, dead letters) also admit an
 * ADMIN's bearer token instead of the key, checked by Spring Security before this filter runs (the
 * role as the user has it now); such calls are audited under the user's id. The console signs in
 * either way.
 */
class InternalKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "x-internal-key";
    static final String CALLER_ATTRIBUTE = InternalKeyFilter.class.getName() + ".caller";
    static final List<String> OPERATOR_PATHS = List.of("/api/v1/internal/jobs", "/api/v1/internal/audit",
            "/api/v1/internal/dlt");
    /** What an operator's token may read but not change: the runs (their cleanup and leases stay the key's). */
    static final List<String> OPERATOR_READS = List.of("/api/v1/internal/runs");
    private static final String ADMIN_AUTHORITY = "ROLE_" + Role.ADMIN.name();

    private final byte[] expected;
    private final String keyId;
    private final ProblemWriter problems;
    private final AuditLog audit;
    private final EnvironmentPolicy policy;
    private final InternalMetrics metrics;
    private final ClientAddresses clients;

    InternalKeyFilter(PolicySettings settings, ProblemWriter problems, AuditLog audit, EnvironmentPolicy policy,
            InternalMetrics metrics, ClientAddresses clients) {
        this.clients = clients;
        this.expected = Sha256.of(settings.internalKey());
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
        if (given == null && operatorCall(request)) {
            var admin = admin();
            if (admin.isPresent()) {
                request.setAttribute(CALLER_ATTRIBUTE, admin.get());
                chain.doFilter(request, response);
                return;
            }
        }
        if (given == null || !MessageDigest.isEqual(expected, Sha256.of(given))) {
            AuditOutcome outcome = given == null ? AuditOutcome.DENIED_WITHOUT_KEY : AuditOutcome.DENIED_WRONG_KEY;
            audit.recordRefused(request.getMethod() + " " + request.getRequestURI(), outcome, clients.of(request),
                    policy.environment().wireValue());
            metrics.audited(outcome);
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    given == null ? "Send the internal key in the x-internal-key header" : "The x-internal-key is wrong");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, keyId);
        chain.doFilter(request, response);
    }

    private static boolean operatorCall(HttpServletRequest request) {
        String path = request.getRequestURI();
        return under(OPERATOR_PATHS, path) || ("GET".equals(request.getMethod()) && under(OPERATOR_READS, path));
    }

    private static boolean under(List<String> prefixes, String path) {
        return prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** @return the id of the ADMIN whose token Spring Security accepted for this request, if it did */
    private static Optional<String> admin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getAuthorities().stream()
                .noneMatch(authority -> ADMIN_AUTHORITY.equals(authority.getAuthority()))) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

}
