package io.flowhub.engine;

/**
 * The topic a kind of job's commands are published to, as the job engine and the sweeper use it: a
 * long job hands its command back to the end of the queue between slices, and the sweeper sends
 * abandoned and unpublished jobs' commands again.
 */
@FunctionalInterface
public interface CommandTopic {

    /** For a worker without Kafka (a test of one class): a job never hands its command back, it runs to the end. */
    CommandTopic NONE = (key, command) -> {
        throw new UnsupportedOperationException("no command topic");
    };

    /**
     * Publishes a command's raw JSON under a key and returns once Kafka acknowledged it.
     *
     * @throws RuntimeException when Kafka did not take it
     */
    void send(String key, byte[] command);
}
