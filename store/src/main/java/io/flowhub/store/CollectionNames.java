package io.flowhub.store;

/**
 * The MongoDB collections of the FlowHub database: every collection a service uses is named here, and
 * {@link io.flowhub.engine.erasure.ErasureTargets#PURGE_TREATMENT} says how a per-user purge treats it
 * ({@code PurgeTreatmentTests} fails the build otherwise).
 */
public final class CollectionNames {

    public static final String USERS = "users";
    public static final String ITEMS = "items";
    public static final String OTPS = "otps";
    public static final String JOBS = "jobs";
    public static final String ACTIVITY_LOGS = "activity_logs";
    public static final String AUDIT_LOGS = "audit_logs";
    public static final String PROCESSED_COMMANDS = "processed_commands";
    public static final String SCHEMA_MIGRATIONS = "schema_migrations";
    public static final String IDEMPOTENCY_KEYS = "idempotency_keys";
    public static final String JOB_LEDGER = "job_ledger";
    public static final String FILE_REMOVALS = "file_removals";
    public static final String ITEM_CLAIMS = "item_claims";
    public static final String PLANS = "plans";
    public static final String HEALTH_CHECKS = "health_checks";
    public static final String JOB_OUTBOX = "job_outbox";
    /** one-time codes as sent, for test suites outside production ({@code GET /internal/otps/latest}) */
    public static final String OTP_OUTBOX = "otp_outbox";
    /** token buckets of the gateway's rate limits (sign-in, registration), shared by every instance */
    public static final String RATE_LIMITS = "rate_limits";
    /** numbered slots of the gateway's "at most N at once" limits (active jobs, event streams) */
    public static final String LIMIT_SLOTS = "limit_slots";
    /** which dead-lettered records were replayed, so that a record is replayed once */
    public static final String DLT_REPLAYS = "dlt_replays";
    /** operators' holds on items (by ids, tag or user), which every destructive path leaves alone */
    public static final String HOLDS = "holds";
    /** test runs' leases: a run whose lease runs out is cleaned up by cleanup-worker */
    public static final String RUNS = "runs";

    private CollectionNames() {
    }
}
