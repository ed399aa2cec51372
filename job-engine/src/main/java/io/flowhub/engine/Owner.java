package io.flowhub.engine;

import io.flowhub.store.UserId;

import java.util.Locale;

/**
 * Who a job is for, as the {@code jobs} collection keeps it: {@code owner_type} says what kind of
 * caller, {@code owner_id} holds that caller's id and nothing else — a user's ObjectId, an internal
 * key's fingerprint, none for the worker's own schedule. The Kafka contract spells an owner as one
 * string ({@link #contractValue()}: the user id, {@code key:<fingerprint>} or {@code schedule}).
 *
 * @param type what kind of caller
 * @param id   the caller's id; {@code null} for {@link Type#SCHEDULE}
 */
public record Owner(Type type, String id) {

    /** What kind of caller a job is for. */
    public enum Type {
        /** A signed-in user; the id is the user's ObjectId. */
        USER,
        /** A caller of the internal API; the id is the first bytes of the key's SHA-256, never the key. */
        KEY,
        /** The worker's own schedule (retention, orphan sweep); no id. */
        SCHEDULE;

        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type fromWireValue(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    private static final String KEY_PREFIX = "key:";
    private static final String SCHEDULE_VALUE = "schedule";

    /** The worker's own schedule. */
    public static final Owner SCHEDULE = new Owner(Type.SCHEDULE, null);

    public Owner {
        if (type == null || (type == Type.SCHEDULE) != (id == null)) {
            throw new IllegalArgumentException("An owner is a user or a key with an id, or the schedule without one");
        }
    }

    public static Owner user(UserId user) {
        return new Owner(Type.USER, user.toString());
    }

    /** @param fingerprint the key's fingerprint, without the contract's {@code key:} prefix */
    public static Owner key(String fingerprint) {
        return new Owner(Type.KEY, fingerprint);
    }

    /**
     * @param value an owner as the contract spells it ({@code owner_id}, {@code requested_by}), or {@code null}
     * @return that owner, or {@code null} when the command names none
     */
    public static Owner fromContract(String value) {
        if (value == null) {
            return null;
        }
        if (value.startsWith(KEY_PREFIX)) {
            return key(value.substring(KEY_PREFIX.length()));
        }
        return value.equals(SCHEDULE_VALUE) ? SCHEDULE : new Owner(Type.USER, value);
    }

    /** @return the owner as the contract spells it: the user id, {@code key:<fingerprint>} or {@code schedule} */
    public String contractValue() {
        return switch (type) {
            case USER -> id;
            case KEY -> KEY_PREFIX + id;
            case SCHEDULE -> SCHEDULE_VALUE;
        };
    }

    /** @return true when this is that user */
    public boolean isUser(UserId user) {
        return type == Type.USER && id.equals(user.toString());
    }
}
