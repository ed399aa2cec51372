package io.flowhub.gateway.auth;

import io.flowhub.gateway.limit.ClientAddresses;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.user.Accounts;
import io.flowhub.gateway.user.NewAccount;
import io.flowhub.gateway.user.UserView;
import io.flowhub.store.user.User;
import io.flowhub.store.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Registration and sign-in, by password or by one-time code. Every successful sign-in answers a bearer
 * token; every sign-in attempt (a password, a code request, a code) counts against the address's and
 * the client's limits first.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final Accounts accounts;
    private final TokenIssuer tokens;
    private final OtpLogin otp;
    private final SignInThrottle throttle;
    private final ClientAddresses clients;

    AuthController(Accounts accounts, TokenIssuer tokens, OtpLogin otp, SignInThrottle throttle, ClientAddresses clients) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.otp = otp;
        this.throttle = throttle;
        this.clients = clients;
    }

    /** Anyone may register, a few accounts per client at a time; the account is an EDITOR whatever role the body names. */
    @PostMapping("/register")
    ResponseEntity<Envelope<UserView>> register(@Valid @RequestBody NewAccount account, HttpServletRequest request) {
        throttle.registration(clients.of(request));
        User user = accounts.open(account, Role.EDITOR, null);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(Envelope.of(UserView.of(user)));
    }

    @PostMapping("/login")
    Envelope<Session> login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        throttle.attempt(credentials.email(), clients.of(request));
        return signedIn(accounts.authenticate(credentials.email(), credentials.password()));
    }

    @PostMapping("/otp/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Envelope<Void> requestCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        throttle.attempt(request.email(), clients.of(http));
        otp.request(request.email());
        return Envelope.message("If the address has an account, a code is on its way");
    }

    @PostMapping("/otp/verify")
    Envelope<Session> verifyCode(@Valid @RequestBody CodeCheck check, HttpServletRequest request) {
        throttle.attempt(check.email(), clients.of(request));
        return signedIn(otp.verify(check.email(), check.code()));
    }

    private Envelope<Session> signedIn(User user) {
        var token = tokens.issue(user.objectId(), user.role());
        return Envelope.of(new Session(token.token(), token.tokenType(), token.expiresIn(), UserView.of(user)));
    }

    record Credentials(@NotBlank(message = "email is required") String email,
                       @NotBlank(message = "password is required") String password) {
    }

    record CodeRequest(@NotBlank(message = "email is required") String email) {
    }

    record CodeCheck(@NotBlank(message = "email is required") String email,
                     @NotBlank(message = "code is required")
                     @Pattern(regexp = "\\d{6}", message = "code must be the 6 digits that were sent") String code) {
    }


    record Session(String token, String tokenType, long expiresIn, UserView user) {
    }


}
