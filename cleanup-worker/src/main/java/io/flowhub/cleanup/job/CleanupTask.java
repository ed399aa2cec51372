package io.flowhub.cleanup.job;

import java.util.Map;

/** What one cleanup command does, run inside its job. */
@FunctionalInterface
public interface CleanupTask {

    /**
     * @return what was deleted (or, in a dry run, would be), per collection and {@code files}
     * @throws CleanupRefusedException when the command cannot run (its user is unknown); the job fails
     */
    Map<String, Long> run(CleanupContext context);
}
