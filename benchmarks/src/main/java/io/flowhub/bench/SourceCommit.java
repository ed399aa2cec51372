package io.flowhub.bench;

import java.io.IOException;

/** Which commit a suite ran on, so that the file it writes says so. */
public final class SourceCommit {

    private SourceCommit() {
    }

    /** @return the short commit id as git tells it in the working directory, in backquotes, or "unknown" */
    public static String describe() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 && !out.isEmpty() ? "`" + out + "`" : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
