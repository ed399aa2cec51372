package io.flowhub.gateway.auth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OtpConfiguration {

    @Bean
    @ConditionalOnMissingBean(OtpSender.class)
    OtpSender loggingOtpSender(@Value("${flowhub.environment}") String environment) {
        return new LoggingOtpSender(environment);
    }
}
