package io.clearsky.gateway.intake;

/**
 * The questions topic did not accept a question, e.g. because the brokers are unreachable.
 */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(Throwable cause) {
        super("The question could not be queued: " + cause.getMessage(), cause);
    }
}
