package io.flowhub.gateway.limit;

/**
 * Whom a job counts against for the cap on queued and running jobs: a person, a test run, a team or
 * an internal key ({@link Shares}).
 *
 * @param owner         the cap's name in {@code limit_slots}, such as {@code person:<id>} or {@code run:<id>}
 * @param who           how a refusal names it, such as {@code You} or {@code Run ci-42}
 * @param maxActiveJobs how many jobs of one kind it may have queued or running at once
 */
public record Share(String owner, String who, int maxActiveJobs) {
}
