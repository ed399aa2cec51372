package io.flowhub.gateway.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.flowhub.gateway.system.ProblemWriter;
import io.flowhub.store.user.UserStore;
import org.bson.types.ObjectId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who may call what: auth endpoints, health, metrics and API docs are open; every other call
 * needs a bearer token that expires, naming a user who still exists; reads need any role, writes ADMIN
 * or EDITOR, user administration ADMIN — the role the user has now, not the one the token was issued with.
 * Item ownership (an EDITOR sees only its own) is enforced in the item queries themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
class SecurityConfiguration implements WebMvcConfigurer {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, UserStore users) throws Exception {
        http.csrf(csrf -> csrf.disable())
                // why: the console renders what the API holds (item names, reasons, record values) as text only; this
                // keeps any script but its own file from running, and the page out of other sites' frames (the API's
                // own docs page keeps its inline styles)
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        request -> request.getRequestURI().startsWith("/console"),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/auth/**", "/error").permitAll()
                        // why: the internal API has its own guard, InternalKeyFilter, which runs after this chain
                        // (an operator's calls admit an ADMIN's token checked here instead of the key)
                        .requestMatchers("/api/v1/internal/**").permitAll()
                        // why: the console's page, script and style hold no data; every call it makes is checked
                        .requestMatchers(HttpMethod.GET, "/console", "/console/", "/console/*.js", "/console/*.css",
                                "/console/*.html", "/console/*.svg").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/users/me").authenticated()
                        .requestMatchers("/api/v1/users/**", "/api/v1/users").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").authenticated()
                        .requestMatchers("/api/v1/**").hasAnyRole("ADMIN", "EDITOR")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CurrentUserAuthentication(users)))
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Unauthorized",
                                "Sign in first: send 'Authorization: Bearer <token>' with a valid, unexpired token")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Unauthorized",
                                "Sign in first: send 'Authorization: Bearer <token>'"))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this")));
        return http.build();
    }

    /** The firewall's refusals ({@code //}, {@code ;}, {@code ..}, encoded slashes) as Problem Details, not a bare 500 page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid request",
                "The request's path or headers were refused: leave out '//', ';', '..', encoded slashes and control "
                        + "characters");
    }

    @Bean
    JwtEncoder jwtEncoder(AuthSettings settings) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key(settings)));
    }

    @Bean
    JwtDecoder jwtDecoder(AuthSettings settings) {
        var decoder = NimbusJwtDecoder.withSecretKey(key(settings)).macAlgorithm(MacAlgorithm.HS256).build();
        // why: the defaults check exp only when a token has one; a token without it would never expire, and a
        // subject that is not a user id would fail later, as a 500, where the user is looked up
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenIssuer.ISSUER),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && ObjectId.isValid(subject))));
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** {@code /console} is the console's page; its script and style sit beside it under {@code static/console}. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    private static SecretKey key(AuthSettings settings) {
        return new SecretKeySpec(settings.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
