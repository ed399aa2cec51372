package io.flowhub.gateway.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.RunIds;
import io.flowhub.gateway.auth.TokenIssuer;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.user.DuplicateEmailException;
import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.user.EmailTakenException;
import io.flowhub.store.user.Role;
import io.flowhub.store.user.User;
import io.flowhub.store.user.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;

/**
 * Test identities, behind {@code x-internal-key} and never in production: {@code POST /internal/users} makes a
 * user with the role asked for and answers its bearer token at once — no password, no sign-in, no throttle, so
 * a suite may make one per test. Made with {@code X-FlowHub-Run}, the user belongs to the run: the run's cleanup
 * removes it with everything it made.
 */
@RestController
@RequestMapping("/api/v1/internal/users")
class TestIdentityController {

    static final String RUN_HEADER = "X-FlowHub-Run";
    // why: a test identity's e-mail needs no mailbox; this domain is reserved for such names (RFC 2606's .test)
    private static final String DOMAIN = "@identities.flowhub.test";

    private final UserStore users;
    private final TokenIssuer tokens;
    private final PasswordEncoder passwords;
    private final EnvironmentPolicy policy;
    private final InternalAudit audit;

    TestIdentityController(UserStore users, TokenIssuer tokens, PasswordEncoder passwords, EnvironmentPolicy policy,
            InternalAudit audit) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.policy = policy;
        this.audit = audit;
    }

    /** Body of {@code POST /internal/users}: the role ({@code EDITOR} when left out), and a name or address if wanted. */
    record NewIdentity(String role,
                       @Size(max = 100, message = "name: at most 100 characters") String name,
                       @Email(message = "email must be an e-mail address") @Size(max = 254,
                               message = "email: at most 254 characters") String email) {
    }

    /** A test identity as made: the user, and a token that signs it in. */
    record TestIdentity(@JsonProperty("_id") String id, String email, String name, Role role,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String runId, String token,
                        String tokenType, long expiresIn) {
    }

    @PostMapping
    ResponseEntity<Envelope<TestIdentity>> create(@Valid @RequestBody(required = false) NewIdentity body,
            @RequestHeader(name = RUN_HEADER, required = false) String runHeader, HttpServletRequest request) {
        NewIdentity asked = body == null ? new NewIdentity(null, null, null) : body;
        var params = new LinkedHashMap<String, Object>();
        params.put("role", asked.role());
        params.put("run_id", runHeader);
        var call = audit.call(request, params, false);
        Role role;
        String runId;
        try {
            role = role(asked.role());
            runId = RunIds.checkOrNull(RUN_HEADER + " header", runHeader);
        } catch (BadRequestException | InvalidCommandException e) {
            throw call.audited(e, AuditOutcome.INVALID);
        }
        call.refuseEvenDryRun(policy.refusesTestIdentities());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String email = asked.email() == null ? "test-" + id + DOMAIN : asked.email();
        String name = asked.name() == null || asked.name().isBlank() ? "Test identity " + id : asked.name().strip();
        User user;
        try {
            // why: a password nobody knows: the account signs in only with the token answered here (or a code)
            user = users.insert(email, name, passwords.encode(UUID.randomUUID().toString()), role, null, runId);
        } catch (EmailTakenException e) {
            throw call.audited(new DuplicateEmailException(e.email()), AuditOutcome.CONFLICT);
        }
        call.record(AuditOutcome.ALLOWED, null, null);
        var token = tokens.issue(user.objectId(), user.role());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(Envelope.of(new TestIdentity(
                user.id(), user.email(), user.name(), user.role(), user.runId(), token.token(), token.tokenType(),
                token.expiresIn())));
    }

    private static Role role(String role) {
        if (role == null) {
            return Role.EDITOR;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("role '" + role + "' is not one of EDITOR, VIEWER, ADMIN");
        }
    }
}
