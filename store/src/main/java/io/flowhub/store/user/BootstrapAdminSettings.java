package io.flowhub.store.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ADMIN the gateway creates at start-up when missing, and cleanup-worker creates again after a
 * full reset: both read the same settings, so both must be given the same real password.
 *
 * @param email    the admin's e-mail address
 * @param password the admin's password; staging and production refuse the built-in one
 */
@ConfigurationProperties("flowhub.auth.bootstrap-admin")
public record BootstrapAdminSettings(
        @DefaultValue("admin@flowhub.local") String email,
        @DefaultValue(AdminAccount.DEVELOPMENT_PASSWORD) String password) {

    /** The setting and the variable that sets the password, for messages. */
    public static final String PASSWORD_SETTING = "the admin password (flowhub.auth.bootstrap-admin.password, "
            + "FLOWHUB_ADMIN_PASSWORD)";
}
