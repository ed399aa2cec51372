package io.flowhub.events;

/**
 * Names of the Kafka topics that make up the FlowHub Jobs contract.
 *
 * <p>Commands are keyed by the user they act for (so one user's commands stay in order);
 * job events are keyed by job id. A record that can never be processed is moved to the
 * topic's dead-letter topic, {@link #deadLetter(String)}.
 */
public final class Topics {

    /** {@link BulkCommand}s for bulk-worker, keyed by owner user id. */
    public static final String BULK_COMMANDS = "flowhub.commands.bulk";

    /** Cleanup commands for cleanup-worker, keyed by target user id or {@code _global}. */
    public static final String CLEANUP_COMMANDS = "flowhub.commands.cleanup";

    /** Job lifecycle events, keyed by job id. */
    public static final String JOB_EVENTS = "flowhub.events.jobs";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /**
     * The dead-letter topic of a topic.
     *
     * @param topic a topic name, for example {@link #BULK_COMMANDS}
     * @return the name of its dead-letter topic, for example {@code flowhub.commands.bulk.dlt}
     */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
