package io.flowhub.gateway.system;

import io.flowhub.gateway.GatewaySettings;
import io.flowhub.store.file.FileSettings;
import jakarta.servlet.MultipartConfigElement;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
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

    /** Uploads are limited by {@code flowhub.files.max-size}, the one place that limit is set. */
    @Bean
    MultipartConfigElement multipartConfig(FileSettings files) {
        long most = files.maxSize().toBytes();
        return new MultipartConfigElement("", most, most, 0);
    }

    /** Tomcat's error page for what it refuses itself (a malformed or oversized request line) is Problem Details. */
    @Bean
    TomcatContextCustomizer problemReportValve() {
        // why: by class name, so the host uses it instead of adding its own (a second ErrorReportValve would win)
        return context -> ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
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
