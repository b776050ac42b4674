package io.clearsky.gateway.store;

/**
 * A state store cannot be queried right now, typically during start-up or a rebalance; retrying
 * shortly succeeds.
 */
public class StoresNotReadyException extends RuntimeException {

    public StoresNotReadyException(String store, Throwable cause) {
        super("State store '" + store + "' is not queryable yet", cause);
    }
}
