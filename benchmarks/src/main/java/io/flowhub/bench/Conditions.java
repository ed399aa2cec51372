package io.flowhub.bench;

/**
 * The conditions one timed sample ran under.
 *
 * @param foreignCores  CPU time other processes on the machine used during the sample, in cores; -1 when unknown
 * @param loadAverage   the machine's one-minute load average at the sample's end; -1 when unknown
 * @param stackGcMillis the stack's garbage-collection pauses during the sample
 * @param driverGcMillis the driver's own pauses during the sample
 */
record Conditions(double foreignCores, double loadAverage, double stackGcMillis, double driverGcMillis) {

    static final Conditions UNKNOWN = new Conditions(-1, -1, 0, 0);

    /** @return whether something else on the machine took more than {@link HostLoad#FOREIGN_CORES_LIMIT} cores */
    boolean foreignLoad() {
        return foreignCores > HostLoad.FOREIGN_CORES_LIMIT;
    }
}
