package io.flowhub.gateway.internal;

import com.mongodb.client.MongoDatabase;
import io.flowhub.gateway.auth.AuthSettings;
import io.flowhub.gateway.auth.OtpSender;
import io.flowhub.gateway.limit.ClientAddresses;
import io.flowhub.gateway.system.ProblemWriter;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.PolicySettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class InternalConfiguration {

    @Bean
    @ConditionalOnMissingBean(OtpSender.class)
    OtpOutbox otpOutbox(MongoDatabase database, EnvironmentPolicy policy, AuthSettings auth, Clock clock) {
        return new OtpOutbox(database, policy, auth.otpTtl(), clock);
    }

    @Bean
    FilterRegistrationBean<InternalKeyFilter> internalKeyFilter(PolicySettings settings, ProblemWriter problems,
            AuditLog audit, EnvironmentPolicy policy, InternalMetrics metrics, ClientAddresses clients) {
        var registration = new FilterRegistrationBean<>(
                new InternalKeyFilter(settings, problems, audit, policy, metrics, clients));
        registration.addUrlPatterns("/api/v1/internal/*");
        // why: after Spring Security's chain, so that an ADMIN's bearer token has been checked when the filter looks
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
