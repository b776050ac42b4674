package io.clearsky.core.config.source;

import io.clearsky.core.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The defaults shipped in the jar, used when neither a bucket nor a file is named: the local product
 * runs on them with no AWS account.
 */
public final class EmbeddedConfigSource implements ConfigSource {

    private static final String FOLDER = "clearsky/config/";

    private final String folder;

    /** The configuration defaults in {@code clearsky/config/}. */
    public EmbeddedConfigSource() {
        this(FOLDER);
    }

    /** Objects in another classpath folder, e.g. {@code clearsky/semantic/} for semantic models. */
    public EmbeddedConfigSource(String folder) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    @Override
    public String location(String key) {
        return "classpath:" + this.folder + key;
    }

    @Override
    public byte[] read(String key) {
        try (InputStream in = EmbeddedConfigSource.class.getClassLoader().getResourceAsStream(this.folder + key)) {
            if (in == null) {
                throw ConfigException.of(location(key), "not in the jar");
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw ConfigException.of(location(key), "cannot be read from the jar");
        }
    }

    @Override
    public void probe(String key) {
        if (EmbeddedConfigSource.class.getClassLoader().getResource(this.folder + key) == null) {
            throw ConfigException.of(location(key), "not in the jar");
        }
    }
}
