package io.flowhub.store.user;

import java.util.Locale;

/** E-mail addresses as every store files them: trimmed and lower-cased, so one address is one key. */
public final class Emails {

    private Emails() {
    }

    public static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
