package io.clearsky.core.config.source;

import io.clearsky.core.config.ConfigException;

/**
 * Where the configuration objects are read from: S3, local files, or the defaults in the jar.
 */
public interface ConfigSource {

    /** Where {@code key} lives, for messages: e.g. {@code s3://bucket/key}. Never holds credentials. */
    String location(String key);

    /**
     * The object's bytes.
     *
     * @throws ConfigException naming the object and why it cannot be read
     */
    byte[] read(String key);

    /**
     * Checks cheaply that the object is still readable, without reading it.
     *
     * @throws ConfigException naming the object and why it cannot be read
     */
    void probe(String key);
}
