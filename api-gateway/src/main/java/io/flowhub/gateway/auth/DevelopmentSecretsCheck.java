package io.flowhub.gateway.auth;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Refuses to start staging or production with the built-in development secrets, which anyone
 * reading this repository knows.
 */
@Component
class DevelopmentSecretsCheck implements InitializingBean {

    private static final Set<String> DEVELOPMENT_SECRETS_ALLOWED = Set.of("development", "test");

    private final AuthSettings settings;
    private final String environment;

    DevelopmentSecretsCheck(AuthSettings settings, @Value("${flowhub.environment}") String environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (DEVELOPMENT_SECRETS_ALLOWED.contains(environment)) {
            return;
        }
        if (settings.jwtSecret().equals(AuthSettings.DEVELOPMENT_JWT_SECRET)) {
            throw new IllegalStateException("flowhub.environment=" + environment
                    + " must not use the built-in JWT secret: set FLOWHUB_JWT_SECRET (at least 32 bytes)");
        }
        if (settings.bootstrapAdmin().password().equals(AuthSettings.BootstrapAdmin.DEVELOPMENT_ADMIN_PASSWORD)) {
            throw new IllegalStateException("flowhub.environment=" + environment
                    + " must not use the built-in admin password: set FLOWHUB_ADMIN_PASSWORD");
        }
    }
}
