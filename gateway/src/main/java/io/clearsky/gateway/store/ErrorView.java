package io.clearsky.gateway.store;

import io.clearsky.schemas.avro.QueryError;

/**
 * Why a query did not succeed.
 */
public record ErrorView(String code, String message, boolean retryable) {

    static ErrorView of(QueryError error) {
        return (error != null) ? new ErrorView(error.getCode(), error.getMessage(), error.getRetryable()) : null;
    }
}
