package io.flowhub.store.user;

/** Field names of documents in the {@code users} collection. */
public final class UserFields {

    public static final String ID = "_id";
    public static final String EMAIL = "email";
    public static final String NAME = "name";
    public static final String PASSWORD_HASH = "password_hash";
    public static final String ROLE = "role";
    public static final String CREATED_AT = "created_at";
    /** the account that created this one (an ADMIN's POST /users), absent for an account its holder registered */
    public static final String CREATED_BY = "created_by";
    /** the test run a test identity belongs to ({@code POST /internal/users} with {@code X-FlowHub-Run}); its cleanup removes it */
    public static final String RUN_ID = "run_id";

    private UserFields() {
    }
}
