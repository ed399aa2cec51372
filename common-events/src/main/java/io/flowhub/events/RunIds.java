package io.flowhub.events;

import java.util.regex.Pattern;

/**
 * What a test run's id is, in the {@code X-FlowHub-Run} header, a filter and a command alike: 1 to
 * {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 . _ : -}. A test suite chooses it (a CI job
 * number, a class name with a timestamp); the items created under it carry it as {@code run_id}.
 */
public final class RunIds {

    public static final int MAX_LENGTH = 64;

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private RunIds() {
    }

    /**
     * @param field where the id came from, for the message
     * @return the id, or {@code null} when none was given
     * @throws InvalidCommandException naming the field and what to fix
     */
    public static String checkOrNull(String field, String runId) {
        if (runId != null && !RUN_ID.matcher(runId).matches()) {
            throw new InvalidCommandException(field + " '" + printable(runId) + "' is not a valid run id: use 1 to "
                    + MAX_LENGTH + " characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'");
        }
        return runId;
    }

    /** @throws InvalidCommandException when the id is missing or not valid */
    public static String check(String field, String runId) {
        if (runId == null) {
            throw new InvalidCommandException(field + " is required: the run id the items were created under");
        }
        return checkOrNull(field, runId);
    }

    /** @return the value cut short and without control characters, so a message never echoes a flood */
    private static String printable(String value) {
        String cut = value.length() > MAX_LENGTH + 1 ? value.substring(0, MAX_LENGTH + 1) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
