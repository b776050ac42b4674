package io.clearsky.worker.security;

import io.clearsky.core.guard.GuardVerdict;
import io.clearsky.core.policy.DataAccess;
import io.clearsky.schemas.avro.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Who asked one question and what they may read.
 *
 * @param principal the principal the question runs as, never null: the record's, a configured publisher's,
 * or {@link Askers#ANONYMOUS}
 * @param access what the principal may read
 * @param identity where the principal came from
 * @param source the record's {@code source}, or null
 */
public record Asker(Principal principal, DataAccess access, Identity identity, String source) {

    /** Where a question's principal came from. */
    public enum Identity {

        /** The record carried it, set by the publisher that verified it (gateway, bot). */
        RECORD,

        /** The record carried none; its source is a configured Kafka publisher ({@code clearsky.security.kafka-publishers}). */
        PUBLISHER,

        /** The record carried none and its source is not a configured publisher. */
        UNKNOWN
    }

    /**
     * Why the question may not run against {@code database} at all, before any SQL exists: it has no
     * principal while policies are configured ({@code POLICY_NO_PRINCIPAL}), or its principal may not read
     * the database ({@code POLICY_DATABASE}).
     */
    public Optional<GuardVerdict.Rejected> refusal(String database) {
        if (this.identity == Identity.UNKNOWN && !this.access.isUnrestricted()) {
            return rejected("POLICY_NO_PRINCIPAL", "The question carries no principal and its source "
                    + ((this.source != null) ? "'" + this.source + "'" : "(none)") + " is not a configured Kafka publisher"
                    + " (clearsky.security.kafka-publishers.<source>); while data access policies are configured,"
                    + " such questions are refused");
        }
        if (!this.access.allowsDatabase(database)) {
            return rejected("POLICY_DATABASE", "Database " + database + " may not be read by the groups of "
                    + this.principal.getUser());
        }
        return Optional.empty();
    }

    private static Optional<GuardVerdict.Rejected> rejected(String code, String message) {
        return Optional.of(new GuardVerdict.Rejected(List.of(new GuardVerdict.Reason(code, message))));
    }
}
