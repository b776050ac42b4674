package io.clearsky.schemas.registry;

import org.apache.kafka.common.errors.RetriableException;

/** The registry could not be reached or answered with a server error; the same call may succeed later. */
public class RegistryUnavailableException extends RetriableException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
