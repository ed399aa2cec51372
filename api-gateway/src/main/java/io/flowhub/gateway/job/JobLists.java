package io.flowhub.gateway.job;

import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.PageLimit;
import io.flowhub.store.JobId;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.JobSelection;
import io.flowhub.engine.JobStatus;
import io.flowhub.engine.Owner;
import org.bson.types.ObjectId;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The query of a job list, for its owner ({@code GET /jobs}) and for an operator ({@code GET /internal/jobs}):
 * {@code kind}, {@code status}, {@code owner} (operators only), {@code before} (a job id: the next page) and
 * {@code limit}. A value that names nothing is a 400 that lists what it may be.
 */
public final class JobLists {

    /** How many jobs a list shows unless asked, and at most. */
    public static final PageLimit LIMIT = new PageLimit(50, 200);

    private JobLists() {
    }

    /** @param owner the caller's own jobs, or {@code null} for an operator's look at everyone's */
    public static JobSelection selection(Owner owner, String kind, String status, String before) {
        return new JobSelection(owner, kind(kind), status(status), before == null ? null : JobId.parse(before));
    }

    /** @return the owner an operator filters by, spelled as jobs show it: a user id, {@code key:<id>}, {@code schedule} */
    public static Owner owner(String owner) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        String value = owner.strip();
        if (!value.startsWith("key:") && !value.equals("schedule") && !ObjectId.isValid(value)) {
            throw new BadRequestException("owner must be a user id (24 hexadecimal characters), key:<key id> or"
                    + " schedule, as a job's owner field shows it; not '" + value + "'");
        }
        return Owner.fromContract(value);
    }

    public static int limit(Integer limit) {
        return LIMIT.of(limit);
    }

    private static JobKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return Arrays.stream(JobKind.values()).filter(value -> value.wireValue().equals(kind.strip()
                .toLowerCase(Locale.ROOT))).findFirst().orElseThrow(() -> new BadRequestException("kind must be one of "
                + Arrays.stream(JobKind.values()).map(JobKind::wireValue).collect(Collectors.joining(", "))
                + "; not '" + kind + "'"));
    }

    private static JobStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(JobStatus.values()).filter(value -> value.wireValue().equals(status.strip()
                .toLowerCase(Locale.ROOT))).findFirst().orElseThrow(() -> new BadRequestException("status must be one"
                + " of " + Arrays.stream(JobStatus.values()).map(JobStatus::wireValue).collect(Collectors.joining(", "))
                + "; not '" + status + "'"));
    }
}
