package io.flowhub.engine.item;

import io.flowhub.store.item.ItemFields;
import io.flowhub.store.JobId;
import org.bson.Document;

import java.util.List;

/**
 * The marks a tag job leaves on an item in {@link ItemFields#TAG_CHANGES}: {@code <job id>+<tag>} for a tag it added,
 * {@code <job id>-<tag>} for one it removed. A mark is written by the very update that changes the tag, and that
 * update only matches items where the tag really changes ({@code tags != t} to add, {@code tags == t} to remove), so
 * the marks say exactly what the job did: a batch done again after a crash finds the marks of its first attempt, and
 * an edit racing the job shows in the marks it did not leave.
 */
public final class TagMarks {

    private static final int JOB_ID_LENGTH = 24;

    private TagMarks() {
    }

    /** @return the mark of {@code job} adding ({@code added}) or removing {@code tag} */
    public static String of(JobId job, boolean added, String tag) {
        return job.value().toHexString() + (added ? '+' : '-') + tag;
    }

    /** @return the tags {@code job} changed on the item (read with its {@link ItemFields#TAG_CHANGES}) */
    public static List<String> changedBy(JobId job, Document item) {
        String prefix = job.value().toHexString();
        return item.getList(ItemFields.TAG_CHANGES, String.class, List.of()).stream()
                .filter(mark -> mark.length() > JOB_ID_LENGTH && mark.startsWith(prefix))
                .map(mark -> mark.substring(JOB_ID_LENGTH + 1))
                .toList();
    }
}
