package io.flowhub.gateway.user;

import io.flowhub.store.user.UserStore;
import io.flowhub.store.user.EmailTakenException;
import io.flowhub.store.user.User;
import io.flowhub.gateway.system.AuthenticationFailedException;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.store.user.Role;
import org.bson.types.ObjectId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Opens accounts and checks passwords; passwords are kept only as BCrypt hashes. */
@Component
public class Accounts {

    /** BCrypt reads at most this many bytes of a password (and Spring's encoder refuses more). */
    static final int MOST_PASSWORD_BYTES = 72;

    private final UserStore users;
    private final PasswordEncoder passwords;
    // why: checking a password against a real hash when the e-mail is unknown takes as long as a
    // wrong password, so response times do not tell which addresses have accounts
    private final String unknownUserHash;

    Accounts(UserStore users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** @param createdBy the account that opens this one for someone (an ADMIN), or {@code null} when its holder registers */
    public User open(NewAccount account, Role role, ObjectId createdBy) {
        int bytes = account.password().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MOST_PASSWORD_BYTES) {
            throw new BadRequestException("password: at most " + MOST_PASSWORD_BYTES + " bytes in UTF-8 (BCrypt's "
                    + "limit), this one has " + bytes + "; a letter outside ASCII takes 2 to 4 bytes");
        }
        try {
            return users.insert(account.email(), account.name().trim(), passwords.encode(account.password()), role,
                    createdBy);
        } catch (EmailTakenException e) {
            throw new DuplicateEmailException(e.email());
        }
    }

    public User authenticate(String email, String password) {
        var user = users.findByEmail(email);
        String hash = user.map(User::passwordHash).orElse(unknownUserHash);
        // why: a password BCrypt cannot read matches no account; it still costs one comparison, like any other
        boolean readable = password.getBytes(StandardCharsets.UTF_8).length <= MOST_PASSWORD_BYTES;
        boolean matches = passwords.matches(readable ? password : "", hash) && readable;
        if (user.isEmpty() || !matches) {
            throw new AuthenticationFailedException("The e-mail address or the password is wrong");
        }
        return user.get();
    }
}
