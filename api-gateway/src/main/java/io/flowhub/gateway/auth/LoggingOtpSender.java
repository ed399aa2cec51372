package io.flowhub.gateway.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * The default sender: in development and test it logs the code, so a developer can sign in
 * without mail; anywhere else it logs only that a code was asked for, never the code.
 */
class LoggingOtpSender implements OtpSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingOtpSender.class);
    private static final Set<String> CODE_VISIBLE_IN = Set.of("development", "test");

    private final String environment;

    LoggingOtpSender(String environment) {
        this.environment = environment;
    }

    @Override
    public void send(String email, String code) {
        if (CODE_VISIBLE_IN.contains(environment)) {
            log.info("One-time code for {}: {} (logged because flowhub.environment={})", email, code, environment);
        } else {
            log.warn("A one-time code was requested for {}, but no OtpSender is configured to deliver it", email);
        }
    }
}
