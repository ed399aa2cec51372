package io.flowhub.gateway.system;

import io.flowhub.gateway.GatewaySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class GatewayConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(GatewaySettings settings,
            ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(settings.maxBodySize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A client that asks to upgrade to cleartext HTTP/2 (Java's HttpClient does by default) has its
     * first request's body held by Tomcat until the upgrade; Tomcat's own limit for that is 4 KB and
     * answers a bare 413 above it. Up to the body limit, such a request is served like any other.
     */
    @Bean
    TomcatConnectorCustomizer upgradeRequestBodies(GatewaySettings settings) {
        return connector -> connector.setMaxSavePostSize((int) Math.min(Integer.MAX_VALUE, settings.maxBodySize().toBytes()));
    }
}
