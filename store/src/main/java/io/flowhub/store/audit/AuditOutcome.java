package io.flowhub.store.audit;

/**
 * How an internal call ended, as the audit log records it ({@link #wireValue()}, the words stored and shown
 * in the console) and as the gateway's metrics count it ({@link #metricTag()}: every refusal as
 * {@code denied}, so one label does not grow a value per reason).
 */
public enum AuditOutcome {
    ALLOWED("allowed"),
    DRY_RUN("dry_run"),
    ACCEPTED("accepted"),
    CANCELLED("cancelled"),
    FAILED("failed"),
    INVALID("invalid"),
    NOT_FOUND("not found"),
    EXPIRED("expired"),
    CONFLICT("conflict"),
    HELD("conflict: holds"),
    REPLAYED("replayed"),
    PARTLY_REPLAYED("replayed, some not"),
    NOTHING_FOUND("nothing found"),
    NOTHING_REPLAYED("nothing replayed"),
    DENIED_BY_POLICY("denied: policy"),
    DENIED_WITHOUT_KEY("denied: no key"),
    DENIED_WRONG_KEY("denied: wrong key");

    private final String wireValue;

    AuditOutcome(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    /** @return true when the call was refused before it did anything: no key, a wrong key, the policy */
    public boolean denied() {
        return this == DENIED_BY_POLICY || this == DENIED_WITHOUT_KEY || this == DENIED_WRONG_KEY;
    }

    public String metricTag() {
        return denied() ? "denied" : wireValue;
    }
}
