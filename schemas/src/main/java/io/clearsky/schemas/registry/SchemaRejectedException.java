package io.clearsky.schemas.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry refused a schema (incompatible with the subject's latest version, or invalid) or does not
 * know a schema id; asking again gives the same answer.
 */
public class SchemaRejectedException extends SerializationException {

    public SchemaRejectedException(String message) {
        super(message);
    }
}
