package io.flowhub.store.user;

import java.util.Locale;

/** What a user may do: ADMIN everything; EDITOR reads and changes its own items; VIEWER reads, never writes. */
public enum Role {
    ADMIN, EDITOR, VIEWER;

    /**
     * @throws IllegalArgumentException naming the allowed roles when {@code value} is none of them
     */
    public static Role parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("role '" + value + "' is not one of ADMIN, EDITOR, VIEWER");
        }
    }
}
