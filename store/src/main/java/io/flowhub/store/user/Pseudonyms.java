package io.flowhub.store.user;

import io.flowhub.store.Sha256;
import java.util.HexFormat;

/**
 * How records that must not hold an e-mail address name one: the first 16 bytes of the SHA-256 of the
 * address, trimmed and lower-cased. The same address always gives the same pseudonym, so a purge
 * finds (and removes) what was filed under it, and the records themselves hold no address.
 */
public final class Pseudonyms {

    private Pseudonyms() {
    }

    /** @return the pseudonym of an e-mail address: 32 hexadecimal digits */
    public static String email(String email) {
        return HexFormat.of().formatHex(Sha256.of(Emails.normalized(email)), 0, 16);
    }
}
