package io.flowhub.store.activity;

import java.util.Locale;

/** What happened to an item. */
public enum ActivityAction {
    CREATE, UPDATE, DELETE, RESTORE, FILE_UPLOAD;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
