package io.flowhub.store.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
