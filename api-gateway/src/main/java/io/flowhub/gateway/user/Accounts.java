package io.flowhub.gateway.user;

import io.flowhub.gateway.auth.AuthenticationFailedException;
import io.flowhub.store.user.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Opens accounts and checks passwords; passwords are kept only as BCrypt hashes. */
@Component
public class Accounts {

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

    public User open(NewAccount account, Role role) {
        return users.insert(account.email(), account.name().trim(), passwords.encode(account.password()), role);
    }

    public User authenticate(String email, String password) {
        var user = users.findByEmail(email);
        String hash = user.map(User::passwordHash).orElse(unknownUserHash);
        boolean matches = passwords.matches(password, hash);
        if (user.isEmpty() || !matches) {
            throw new AuthenticationFailedException("The e-mail address or the password is wrong");
        }
        return user.get();
    }
}
