package io.flowhub.events;

/** The version of the JSON schema of commands and events; every record carries it as {@code schema_version}. */
public final class SchemaVersion {

    /** The schema version this build writes and reads. */
    public static final int CURRENT = 1;

    private SchemaVersion() {
    }
}
