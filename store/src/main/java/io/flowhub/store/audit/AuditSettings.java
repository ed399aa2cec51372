package io.flowhub.store.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the audit log keeps what it records.
 *
 * @param deniedRetention how long the rows of refused calls (no key, a wrong key) are kept; calls that
 *                        were let in are kept for good
 */
@ConfigurationProperties("flowhub.audit")
public record AuditSettings(@DefaultValue("7d") Duration deniedRetention) {

    public AuditSettings {
        if (deniedRetention.isNegative() || deniedRetention.isZero()) {
            throw new IllegalArgumentException("flowhub.audit.denied-retention must be longer than zero, not "
                    + deniedRetention);
        }
    }
}
