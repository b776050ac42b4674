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

    @Override
    public String location(String key) {
        return "classpath:" + FOLDER + key;
    }

    @Override
    public byte[] read(String key) {
        try (InputStream in = EmbeddedConfigSource.class.getClassLoader().getResourceAsStream(FOLDER + key)) {
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
        if (EmbeddedConfigSource.class.getClassLoader().getResource(FOLDER + key) == null) {
            throw ConfigException.of(location(key), "not in the jar");
        }
    }
}
