package io.flowhub.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The garbage-collection pauses of this JVM (the driver's), as its collectors report them. */
final class DriverPauses {

    private static final List<GcPauses.Pause> PAUSES = new ArrayList<>();
    private static boolean listening;

    private DriverPauses() {
    }

    /** Starts listening; pauses before this call are not seen. */
    static synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    // why: G1's concurrent cycle reports itself too, but it does not stop the program
                    if (info.getGcAction().contains("concurrent") || info.getGcName().contains("Concurrent")) {
                        return;
                    }
                    synchronized (DriverPauses.class) {
                        PAUSES.add(new GcPauses.Pause(Instant.ofEpochMilli(jvmStart + info.getGcInfo().getEndTime()),
                                info.getGcInfo().getDuration()));
                    }
                }, null, null);
            }
        }
    }

    static synchronized GcPauses now() {
        return new GcPauses(List.copyOf(PAUSES));
    }
}
