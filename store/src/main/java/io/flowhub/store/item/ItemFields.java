package io.flowhub.store.item;

/** Field names of documents in the {@code items} collection. */
public final class ItemFields {

    public static final String ID = "_id";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String TAGS = "tags";
    public static final String TEST_DATA = "test_data";
    /** The test run the item was created under ({@code X-FlowHub-Run}); absent when none. */
    public static final String RUN_ID = "run_id";
    /** The plans that froze the item as one they apply to; only such plans' applies touch it. */
    public static final String PLAN_IDS = "plan_ids";
    public static final String CREATED_BY = "created_by";
    public static final String IS_ACTIVE = "is_active";
    public static final String DELETED_AT = "deleted_at";
    public static final String FILE_PATH = "file_path";
    public static final String EXPIRES_AT = "expires_at";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";
    public static final String LAST_JOB_ID = "last_job_id";
    /** The hard-delete job that has claimed the item: it is about to go, and the item API no longer changes it. */
    public static final String DELETING_JOB = "deleting_job";
    /**
     * The tags jobs really changed on the item, each written by the same update that changed the tag (the job engine's {@code TagMarks}),
     * so that what a tag job did is known exactly whatever raced it or however often it was resumed.
     */
    public static final String TAG_CHANGES = "tag_changes";

    private ItemFields() {
    }
}
