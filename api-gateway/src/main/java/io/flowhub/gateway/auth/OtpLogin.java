package io.flowhub.gateway.auth;

import io.flowhub.gateway.system.AuthenticationFailedException;
import io.flowhub.store.user.User;
import io.flowhub.store.user.UserStore;
import io.flowhub.store.otp.OneTimeCodes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Sign-in with a 6-digit one-time code: stored only as a hash, valid for a limited time (a TTL
 * index removes it afterwards), spent after too many wrong tries. A new request replaces the old code.
 * Whether an address has an account shows neither in an answer nor in its time: an unknown address
 * costs the same hashing as a known one.
 */
@Component
class OtpLogin {

    static final String LOGIN = "login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OneTimeCodes codes;
    private final UserStore users;
    private final OtpSender sender;
    private final PasswordEncoder hashes;
    private final AuthSettings settings;
    private final Counter checks;
    /** why: compared against when there is no code, so that a refusal costs the same either way */
    private final String noCodeHash;
    private final String refused;

    OtpLogin(OneTimeCodes codes, UserStore users, OtpSender sender, PasswordEncoder hashes, AuthSettings settings,
            MeterRegistry meters) {
        this.codes = codes;
        this.users = users;
        this.sender = sender;
        this.hashes = hashes;
        this.settings = settings;
        this.checks = Counter.builder("flowhub.auth.code.checks")
                .description("One-time codes compared with a stored code's hash").register(meters);
        this.noCodeHash = hashes.encode("%06d".formatted(RANDOM.nextInt(1_000_000)));
        this.refused = "The code is wrong or no longer valid (a code lasts %d minutes and %d tries): check it, or "
                .formatted(settings.otpTtl().toMinutes(), settings.otpMaxAttempts()) + "request a new one";
    }

    /** Sends a code when the address has an account; says nothing either way, so addresses cannot be probed. */
    void request(String email) {
        Optional<User> user = users.findByEmail(email);
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        String codeHash = hashes.encode(code);
        if (user.isEmpty()) {
            return;
        }
        codes.replace(user.get().email(), LOGIN, codeHash, settings.otpTtl());
        sender.send(user.get().email(), code);
    }

    /** @return the user the code proves, or an exception that says it proves nobody */
    User verify(String email, String code) {
        Optional<User> user = users.findByEmail(email);
        // why: the attempt is counted before the code is compared, in one write whose filter holds the limit, so
        // however many guesses arrive at once, no more than the allowed tries are ever compared with the code
        OneTimeCodes.Claimed claimed = user.flatMap(found -> codes.claimTry(found.email(), LOGIN,
                settings.otpMaxAttempts())).orElse(null);
        if (claimed != null) {
            checks.increment();
        }
        boolean matches = hashes.matches(code, claimed == null ? noCodeHash : claimed.codeHash());
        if (claimed == null || !matches) {
            throw new AuthenticationFailedException(refused);
        }
        // why: a code signs in once: of two right guesses at the same moment, only the one that deletes it wins
        if (!codes.spend(claimed)) {
            throw new AuthenticationFailedException(refused);
        }
        return user.get();
    }
}
