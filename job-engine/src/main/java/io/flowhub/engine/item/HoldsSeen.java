package io.flowhub.engine.item;

import io.flowhub.engine.HoldsMark;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The holds as one run of a job last read them. A batch reads them again only when the job's holds mark moved since
 * ({@link HoldsMark}: a hold was put or released), or when the last read is older than {@link #AT_MOST} — for a hold
 * whose put died between its write and the mark, or one changed in the database by hand.
 */
final class HoldsSeen {

    static final Duration AT_MOST = Duration.ofSeconds(5);

    private final Holds holds;
    private final Clock clock;
    private Holds.Covering covering;
    private ObjectId readUnder;
    private Instant readAt;

    HoldsSeen(Holds holds, Clock clock) {
        this.holds = holds;
        this.clock = clock;
    }

    /**
     * @param mark the job's holds mark as the holder's last write to the job returned it, before this call
     * @return what the holds cover, as of a read made after the mark last moved
     */
    Holds.Covering under(ObjectId mark) {
        Instant now = clock.instant();
        if (covering == null || !Objects.equals(mark, readUnder) || !now.isBefore(readAt.plus(AT_MOST))) {
            covering = holds.covering();
            readUnder = mark;
            readAt = now;
        }
        return covering;
    }
}
