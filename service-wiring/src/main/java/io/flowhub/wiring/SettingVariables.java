package io.flowhub.wiring;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented environment variables whose names Spring's relaxed binding would not find
 * ({@code FLOWHUB_JWT_SECRET} sets {@code flowhub.auth.jwt-secret}), mapped to the setting each one
 * sets. A variable that is not set sets nothing, so the setting keeps the default of its settings
 * record, which is the one place that default is written. The mapped values rank just below the
 * environment itself: a command-line argument or system property naming the setting still wins.
 */
public class SettingVariables implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "flowhubSettingVariables";

    /** A documented variable and the setting it sets. */
    public record Variable(String name, String setting) {
    }

    /** Every mapped variable; where two set one setting, the first one set wins. */
    public static final List<Variable> VARIABLES = List.of(
            new Variable("FLOWHUB_ENVIRONMENT", "flowhub.environment"),
            new Variable("FLOWHUB_INTERNAL_KEY", "flowhub.internal-key"),
            // the seed system's name for the key still works
            new Variable("INTERNAL_AUTOMATION_KEY", "flowhub.internal-key"),
            new Variable("FLOWHUB_JWT_SECRET", "flowhub.auth.jwt-secret"),
            new Variable("FLOWHUB_ADMIN_EMAIL", "flowhub.auth.bootstrap-admin.email"),
            new Variable("FLOWHUB_ADMIN_PASSWORD", "flowhub.auth.bootstrap-admin.password"),
            new Variable("FLOWHUB_MONGODB_URI", "spring.mongodb.uri"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = mapped(environment);
        if (settings.isEmpty()) {
            return;
        }
        var source = new MapPropertySource(SOURCE, settings);
        var sources = environment.getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
    }

    /** @return the settings the variables set in this environment, by setting name */
    static Map<String, Object> mapped(ConfigurableEnvironment environment) {
        var settings = new LinkedHashMap<String, Object>();
        for (Variable variable : VARIABLES) {
            String value = environment.getProperty(variable.name());
            if (value != null) {
                settings.putIfAbsent(variable.setting(), value);
            }
        }
        return settings;
    }

    @Override
    public int getOrder() {
        // why: after the config files are loaded, so a variable given in any of the environment's sources counts
        return Ordered.LOWEST_PRECEDENCE;
    }
}
