package io.flowhub.cleanup.job;

import io.flowhub.engine.BatchContext;
import io.flowhub.engine.Checkpoint;
import io.flowhub.engine.JobWork;
import io.flowhub.engine.LedgerEntry;

import java.util.List;
import java.util.Optional;

/**
 * A cleanup job of several steps (a purge: its items, then its other records), run one after the
 * other. The checkpoint names the step under way, so a resumed job goes on with that step; a step
 * that finds nothing left hands over to the next. The job's total is what its checkpoint worked through
 * and what each step still has before it, counted beside the first batches, so that its progress moves
 * with its batches rather than taking each batch's cursor for the whole (99 % from the first).
 */
public final class Steps implements JobWork {

    private final List<Step> steps;

    public Steps(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Steps of(Step... steps) {
        return new Steps(List.of(steps));
    }

    @Override
    public long total(Checkpoint from) {
        long left = 0;
        for (int i = Math.max(0, indexOf(from.step())); i < steps.size(); i++) {
            left += steps.get(i).left(from);
        }
        return from.cursor() + left;
    }

    @Override
    public boolean totalTakesARead() {
        return steps.stream().anyMatch(Step::totalTakesARead);
    }

    @Override
    public Optional<LedgerEntry> next(BatchContext batch) {
        int from = Math.max(0, indexOf(batch.checkpoint().step()));
        for (int i = from; i < steps.size(); i++) {
            Optional<LedgerEntry> done = steps.get(i).next(batch);
            if (done.isPresent()) {
                return done;
            }
        }
        return Optional.empty();
    }

    @Override
    public LedgerEntry settle(LedgerEntry entry) {
        int step = indexOf(entry.through().step());
        return step >= 0 ? steps.get(step).settle(entry) : entry;
    }

    @Override
    public void release(BatchContext last) {
        steps.forEach(step -> step.release(last));
    }

    @Override
    public void completed(BatchContext last) {
        steps.forEach(step -> step.completed(last));
    }

    @Override
    public void close() {
        steps.forEach(Step::close);
    }

    private int indexOf(String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One step of a cleanup job: batches recorded with its {@link #name()} as their checkpoint's step, each
     * moving the checkpoint's cursor on by what it worked through. A step whose {@link #left} reads says so
     * with {@link #totalTakesARead()}.
     */
    public interface Step extends JobWork {

        String name();

        /**
         * @param from where the job stands: this step's own checkpoint, or an earlier step's (or none)
         * @return what the step has still to work through from there: after its position when {@code from} is its
         *         own, all it covers when an earlier step's; 0 when it cannot tell beforehand
         */
        default long left(Checkpoint from) {
            return 0;
        }

        /** @return true when the checkpoint is this step's own, so its position applies */
        default boolean owns(BatchContext batch) {
            return owns(batch.checkpoint());
        }

        /** @return true when {@code at} is this step's own checkpoint */
        default boolean owns(Checkpoint at) {
            return name().equals(at.step());
        }
    }
}
