package io.flowhub.store.file;

/** A stored path that resolves (through {@code ..} or a symbolic link) outside the files root: refused, never touched. */
public class PathOutsideRootException extends RuntimeException {

    public PathOutsideRootException(String relativePath) {
        super("Refusing file path '" + relativePath + "': it resolves outside the files root");
    }
}
