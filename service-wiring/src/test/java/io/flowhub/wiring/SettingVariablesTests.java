package io.flowhub.wiring;

import io.flowhub.store.policy.PolicySettings;
import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.user.BootstrapAdminSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingVariablesTests {

    @Test
    void aVariableThatIsNotSetLeavesTheRecordsDefault() {
        var environment = environment(Map.of(), Map.of());

        assertThat(bind(environment, "flowhub.auth.bootstrap-admin", BootstrapAdminSettings.class).password())
                .isEqualTo(AdminAccount.DEVELOPMENT_PASSWORD);
        assertThat(bind(environment, "flowhub", PolicySettings.class).internalKey())
                .isEqualTo(PolicySettings.DEFAULT_INTERNAL_KEY);
    }

    @Test
    void aDocumentedVariableSetsItsSetting() {
        var environment = environment(Map.of("FLOWHUB_ADMIN_PASSWORD", "a-real-password",
                "FLOWHUB_ENVIRONMENT", "staging", "FLOWHUB_MONGODB_URI", "mongodb://db:27017/x"), Map.of());

        assertThat(bind(environment, "flowhub.auth.bootstrap-admin", BootstrapAdminSettings.class).password())
                .isEqualTo("a-real-password");
        assertThat(bind(environment, "flowhub", PolicySettings.class).environment()).isEqualTo("staging");
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://db:27017/x");
    }

    @Test
    void theNewNameOfTheKeyWinsOverTheSeedsAndTheSeedsStillWorksAlone() {
        var both = environment(Map.of("FLOWHUB_INTERNAL_KEY", "new", "INTERNAL_AUTOMATION_KEY", "seed"), Map.of());
        var seedOnly = environment(Map.of("INTERNAL_AUTOMATION_KEY", "seed"), Map.of());

        assertThat(bind(both, "flowhub", PolicySettings.class).internalKey()).isEqualTo("new");
        assertThat(bind(seedOnly, "flowhub", PolicySettings.class).internalKey()).isEqualTo("seed");
    }

    @Test
    void aPropertyNamingTheSettingItselfWinsOverTheVariable() {
        var environment = environment(Map.of("FLOWHUB_JWT_SECRET", "from-the-variable"),
                Map.of("flowhub.auth.jwt-secret", "from-a-system-property"));

        assertThat(environment.getProperty("flowhub.auth.jwt-secret")).isEqualTo("from-a-system-property");
    }

    private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, properties));
        new SettingVariables().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static <T> T bind(StandardEnvironment environment, String prefix, Class<T> settings) {
        return Binder.get(environment).bindOrCreate(prefix, settings);
    }
}
