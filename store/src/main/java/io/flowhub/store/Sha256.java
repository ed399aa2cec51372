package io.flowhub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every Java runtime has: of a text's UTF-8 bytes, or a digest to feed in parts. */
public final class Sha256 {

    private Sha256() {
    }

    /** @return a new SHA-256 digest, to update in parts */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** @return the SHA-256 of the text's UTF-8 bytes */
    public static byte[] of(String text) {
        return digest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the SHA-256 of the text's UTF-8 bytes, in lower-case hexadecimal */
    public static String hexOf(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
