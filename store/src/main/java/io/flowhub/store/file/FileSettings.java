package io.flowhub.store.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Where item files live.
 *
 * @param root    the one directory every stored file is under; {@code file_path} is relative to it
 * @param maxSize the largest file an upload may carry
 */
@ConfigurationProperties("flowhub.files")
public record FileSettings(
        @DefaultValue("./data/uploads") Path root,
        @DefaultValue("10MB") DataSize maxSize) {
}
