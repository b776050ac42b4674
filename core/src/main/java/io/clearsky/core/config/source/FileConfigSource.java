package io.clearsky.core.config.source;

import io.clearsky.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads configuration objects from local files: a key is a path, relative to the working directory
 * unless absolute.
 */
public final class FileConfigSource implements ConfigSource {

    private final Path base;

    public FileConfigSource(Path base) {
        this.base = base;
    }

    @Override
    public String location(String key) {
        return this.base.resolve(key).toString();
    }

    @Override
    public byte[] read(String key) {
        try {
            return Files.readAllBytes(this.base.resolve(key));
        }
        catch (IOException ex) {
            throw failure(key, ex);
        }
    }

    @Override
    public void probe(String key) {
        Path file = this.base.resolve(key);
        if (!Files.isRegularFile(file)) {
            throw ConfigException.of(location(key), "file not found");
        }
        if (!Files.isReadable(file)) {
            throw ConfigException.of(location(key), "permission denied");
        }
    }

    private ConfigException failure(String key, IOException ex) {
        String reason = switch (ex) {
            case NoSuchFileException missing -> "file not found";
            case AccessDeniedException denied -> "permission denied";
            default -> "cannot be read (" + ex.getClass().getSimpleName() + ")";
        };
        return ConfigException.of(location(key), reason);
    }
}
