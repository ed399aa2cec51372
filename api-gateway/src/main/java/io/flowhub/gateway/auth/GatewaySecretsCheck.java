package io.flowhub.gateway.auth;

import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.user.BootstrapAdminSettings;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.Secrets;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the gateway with an empty secret, or, in staging and production, with the
 * built-in development secrets or short ones ({@link Secrets}); the internal key is checked by the
 * environment policy, in every service.
 */
@Component
class GatewaySecretsCheck implements InitializingBean {

    /** The shortest JWT secret staging and production accept, in characters (AuthSettings asks 32 bytes everywhere). */
    static final int SHORTEST_JWT_SECRET = 32;

    private final AuthSettings settings;
    private final BootstrapAdminSettings admin;
    private final EnvironmentPolicy policy;

    GatewaySecretsCheck(AuthSettings settings, BootstrapAdminSettings admin, EnvironmentPolicy policy) {
        this.settings = settings;
        this.admin = admin;
        this.policy = policy;
    }

    @Override
    public void afterPropertiesSet() {
        Secrets.check(policy.environment(), "the JWT secret (flowhub.auth.jwt-secret, FLOWHUB_JWT_SECRET)",
                settings.jwtSecret(), AuthSettings.DEVELOPMENT_JWT_SECRET, SHORTEST_JWT_SECRET);
        Secrets.check(policy.environment(), BootstrapAdminSettings.PASSWORD_SETTING, admin.password(),
                AdminAccount.DEVELOPMENT_PASSWORD, Secrets.SHORTEST_ADMIN_PASSWORD);
    }
}
