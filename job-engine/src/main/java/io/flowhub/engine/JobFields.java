package io.flowhub.engine;

/** Field names of documents in the {@code jobs} collection. */
final class JobFields {

    static final String ID = "_id";
    static final String KIND = "kind";
    static final String OPERATION = "operation";
    static final String OWNER_ID = "owner_id";
    static final String OWNER_TYPE = "owner_type";
    static final String COMMAND_ID = "command_id";
    static final String COMMAND = "command";
    static final String UNDOES = "undoes";
    static final String DELETES_FOR_GOOD = "deletes_for_good";
    static final String IDEMPOTENCY_KEY = "idempotency_key";
    static final String REQUEST_HASH = "request_hash";
    static final String STATUS = "status";
    static final String PROGRESS = "progress";
    static final String TOTAL_ITEMS = "total_items";
    static final String PROCESSED = "processed";
    static final String SKIPPED = "skipped";
    static final String SKIP_REASONS = "skip_reasons";
    static final String ALREADY_DONE = "already_done";
    static final String NOT_FOUND = "not_found";
    static final String NOT_OWNED = "not_owned";
    static final String CHANGED_SINCE = "changed_since";
    static final String HELD = "held";
    static final String FAILED = "failed";
    static final String ERRORS = "errors";
    static final String ERROR_ITEM_ID = "item_id";
    static final String ERROR_REASON = "reason";
    static final String CURSOR = "cursor";
    static final String BATCHES = "batches";
    static final String STEP = "step";
    static final String TARGET_USER_ID = "target_user_id";
    static final String RESUME_AFTER = "resume_after";
    static final String ATTEMPTS = "attempts";
    static final String TURNS = "turns";
    static final String HANDED_BACK_AT = "handed_back_at";
    static final String WORKER_ID = "worker_id";
    static final String HEARTBEAT_AT = "heartbeat_at";
    /** Moved on every running job when a hold is put or released ({@link HoldsMark}); absent until then. */
    static final String HOLDS_MARK = "holds_mark";
    /** The token of the lease its worker holds the job under: new at every start, named by every write of the holder. */
    static final String LEASE = "lease";
    /** True once the command of a job handed back is on its topic again: the copy will come, nothing is to be resent. */
    static final String HANDOFF_SENT = "handoff_sent";
    static final String RESENT_AT = "resent_at";
    static final String RESULT = "result";
    static final String DRY_RUN = "dry_run";
    static final String FAILURE_REASON = "failure_reason";
    /** True on a job failed because its command went to the dead-letter topic: a replay of the command reopens it. */
    static final String DEAD_LETTERED = "dead_lettered";
    /** True on an ended job whose counts the sweeper checked against its ledger (see {@link JobSweeper}). */
    static final String LEDGER_SETTLED = "ledger_settled";
    static final String CREATED_AT = "created_at";
    static final String STARTED_AT = "started_at";
    static final String FINISHED_AT = "finished_at";
    static final String UPDATED_AT = "updated_at";

    private JobFields() {
    }
}
