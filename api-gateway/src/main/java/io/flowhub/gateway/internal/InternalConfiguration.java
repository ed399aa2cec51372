package io.flowhub.gateway.internal;

import io.flowhub.store.otp.SentCodes;
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


@Configuration(proxyBeanMethods = false)
class InternalConfiguration {

    @Bean
    @ConditionalOnMissingBean(OtpSender.class)
    OtpOutbox otpOutbox(SentCodes sent, EnvironmentPolicy policy, AuthSettings auth) {
        return new OtpOutbox(sent, policy, auth.otpTtl());
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
