package io.flowhub.gateway.auth;

import io.flowhub.store.user.BootstrapAdminSettings;
import io.flowhub.store.user.UserStore;
import io.flowhub.gateway.user.Accounts;
import io.flowhub.gateway.user.DuplicateEmailException;
import io.flowhub.gateway.user.NewAccount;
import io.flowhub.store.user.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the configured ADMIN at start-up when no account has its e-mail address; running it again changes nothing. */
@Component
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Accounts accounts;
    private final UserStore users;
    private final BootstrapAdminSettings admin;

    BootstrapAdmin(Accounts accounts, UserStore users, BootstrapAdminSettings admin) {
        this.accounts = accounts;
        this.users = users;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        ensureExists();
    }

    public void ensureExists() {
        if (users.findByEmail(admin.email()).isPresent()) {
            return;
        }
        try {
            accounts.open(new NewAccount(admin.email(), admin.password(), "Administrator", Role.ADMIN.name()), Role.ADMIN, null);
            log.info("Created the bootstrap admin {}", admin.email());
        } catch (DuplicateEmailException e) {
            // why: another gateway instance created it a moment ago
        }
    }
}
