package io.flowhub.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a job does: the one list of operation names, as jobs, ledger entries, events, metrics and
 * the bulk API spell them ({@link #wireValue()}). The first four are bulk operations, on
 * {@link Topics#BULK_COMMANDS}, as is {@link #UNDO}; the others cleanups, on {@link Topics#CLEANUP_COMMANDS}.
 */
public enum Operation {
    DELETE, ACTIVATE, ADD_TAGS, REMOVE_TAGS,
    PURGE_USER_DATA, CLEANUP_BY_TAGS, RESET_ALL, PURGE_ITEM, PURGE_SOFT_DELETED, SWEEP_ORPHAN_FILES, CLEANUP_RUN,
    /** Reverses a finished job from its ledger; runs on the bulk worker. */
    UNDO;

    /** The operations {@code POST /api/v1/bulk-operations} accepts, in their order. */
    public static final List<Operation> BULK = List.of(DELETE, ACTIVATE, ADD_TAGS, REMOVE_TAGS);

    /** {@link #BULK}'s wire values, as a constant for annotation messages ({@code OperationTests} keeps them equal). */
    public static final String BULK_NAMES = "delete, activate, add_tags, remove_tags";

    /** @return the name in JSON, the store and metrics: {@code delete}, {@code purge_user_data}, ... */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true for an operation that runs on the bulk worker */
    public boolean isBulk() {
        return BULK.contains(this);
    }

    /** @return the operation a job or ledger entry names, as stored; empty for a name no operation has */
    public static Optional<Operation> fromWireValue(String value) {
        return Arrays.stream(values()).filter(operation -> operation.wireValue().equals(value)).findFirst();
    }

    /**
     * @return the operation with this wire value (case and surrounding space ignored)
     * @throws InvalidCommandException naming the operations there are, when none has it
     */
    public static Operation parse(String value, List<Operation> allowed) {
        return Arrays.stream(values()).filter(allowed::contains)
                .filter(operation -> operation.wireValue().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new InvalidCommandException("operation '" + value + "' is not supported: use one of "
                        + allowed.stream().map(Operation::wireValue).collect(Collectors.joining(", "))));
    }
}
