package io.flowhub.cleanup.file;

import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.SweepOrphanFiles;
import io.flowhub.store.file.FileStore;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.JobWork;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Retries file removals that failed, then removes item files no item points at. Files younger than
 * the grace period are left alone: an upload may be between storing its file and its item.
 */
@Component
public class OrphanFileSweep {

    private final FileStore files;
    private final FileRemovals removals;
    private final CleanupWorkerSettings settings;
    private final Clock clock;

    OrphanFileSweep(FileStore files, FileRemovals removals, CleanupWorkerSettings settings, Clock clock) {
        this.files = files;
        this.removals = removals;
        this.settings = settings;
        this.clock = clock;
    }

    public JobWork work(SweepOrphanFiles command) {
        return Steps.of(new CountsOnly("files", () -> sweep(command.dryRun())));
    }

    private CleanupResult sweep(boolean dryRun) {
        var retried = dryRun ? new FileRemovals.Outcome(0, 0) : removals.retryAll();
        Path root = files.resolve(".");
        List<String> candidates = candidates().stream().map(file -> root.relativize(file).toString()).toList();
        // why: one bulk read tells which candidates items still point at, not one read per file
        var referenced = removals.referenced(candidates);
        long orphans = 0;
        for (String relative : candidates) {
            if (!referenced.contains(relative) && (dryRun || removals.removeOrphan(relative))) {
                orphans++;
            }
        }
        return CleanupResult.of(Count.FILES, retried.removed() + orphans).with(Count.FILES_FAILED, retried.failed());
    }

    private List<Path> candidates() {
        Path directory = files.resolve("items");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        long youngest = clock.millis() - settings.fileGrace().toMillis();
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(file -> modified(file) < youngest).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the item files", e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
