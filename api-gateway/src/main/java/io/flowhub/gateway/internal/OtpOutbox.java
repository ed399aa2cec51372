package io.flowhub.gateway.internal;

import io.flowhub.gateway.auth.OtpSender;
import io.flowhub.store.otp.SentCodes;
import io.flowhub.store.policy.Environment;
import io.flowhub.store.policy.EnvironmentPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A mailbox for test suites outside production: delivered one-time codes are kept ({@link SentCodes}, expiring
 * with the code) for {@code GET /internal/otps/latest}, and logged in development and test. The
 * {@code otps} collection itself keeps only hashes. In production nothing is kept.
 */
class OtpOutbox implements OtpSender {

    private static final Logger log = LoggerFactory.getLogger(OtpOutbox.class);

    private final SentCodes sent;
    private final EnvironmentPolicy policy;
    private final Duration ttl;

    OtpOutbox(SentCodes sent, EnvironmentPolicy policy, Duration ttl) {
        this.sent = sent;
        this.policy = policy;
        this.ttl = ttl;
    }

    @Override
    public void send(String email, String code) {
        Environment environment = policy.environment();
        if (!environment.keepsOneTimeCodesForTests()) {
            log.warn("A one-time code was requested for {}, but no OtpSender is configured to deliver it", email);
            return;
        }
        sent.keep(email, code, ttl);
        if (environment.logsOneTimeCodes()) {
            log.info("One-time code for {}: {} (logged because flowhub.environment={})", email, code,
                    environment.wireValue());
        }
    }
}
