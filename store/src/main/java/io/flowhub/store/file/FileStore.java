package io.flowhub.store.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Item files in one directory tree. Stored names are generated, never the client's; every path
 * read back from the database is resolved, symbolic links included, and must stay under the root.
 */
public class FileStore {

    static final String ITEMS_DIRECTORY = "items";
    private static final Pattern SAFE_EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

    private final Path root;

    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Stores a file under {@code items/}, named by a fresh UUID and the original's extension when it is a plain one.
     *
     * @return the stored file's path relative to the root, to keep as {@code file_path}
     */
    public String save(InputStream content, String originalName) {
        String relative = ITEMS_DIRECTORY + "/" + UUID.randomUUID() + extensionOf(originalName);
        Path target = root.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            // why: a crash mid-upload leaves a .part file, never a half file under a stored name
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the file", e);
        }
        return relative;
    }

    /**
     * @return the absolute path of a stored file, checked to be under the root
     * @throws PathOutsideRootException when it resolves outside the root
     */
    public Path resolve(String relativePath) {
        Path candidate = root.resolve(relativePath).normalize();
        if (!candidate.startsWith(root)) {
            throw new PathOutsideRootException(relativePath);
        }
        try {
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                Path real = candidate.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw new PathOutsideRootException(relativePath);
                }
                return real;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not resolve " + relativePath, e);
        }
        return candidate;
    }

    private static String extensionOf(String originalName) {
        if (originalName == null) {
            return "";
        }
        int dot = originalName.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String extension = originalName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return SAFE_EXTENSION.matcher(extension).matches() ? "." + extension : "";
    }
}
