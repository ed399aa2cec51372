package io.flowhub.cli;

import io.flowhub.client.FlowHubException;

/** What the command line's exit code says, for a pipeline to branch on. */
final class ExitCodes {

    /** The call was answered, and its job (if any) completed. */
    static final int DONE = 0;
    /** The job failed or was cancelled, or a receipt was not verified. */
    static final int FAILED = 1;
    /** The command line or what it named was wrong: an unknown option, a malformed id, a 400 or 404. */
    static final int USAGE = 2;
    /** Refused by the environment's policy or the caller's role (403). */
    static final int REFUSED = 3;
    /** Anything else: FlowHub unreachable, a 401, a 409, a 5xx, a wait that ran out. */
    static final int ERROR = 4;

    private ExitCodes() {
    }

    static int of(Exception e) {
        if (e instanceof FlowHubException problem) {
            return switch (problem.status()) {
                case 400, 404, 422 -> USAGE;
                case 403 -> REFUSED;
                default -> ERROR;
            };
        }
        return ERROR;
    }
}
