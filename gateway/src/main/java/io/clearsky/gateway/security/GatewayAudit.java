package io.clearsky.gateway.security;

import io.clearsky.core.audit.AuditTrail;
import io.clearsky.schemas.avro.AuditAction;
import io.clearsky.schemas.avro.AuditRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The gateway's audit records: one per cancel, configuration reload, administrator read of another
 * user's data, and refusal (a role refused, 403; a limit reached, 429). Requests without a valid
 * credential (401) are not audited: they have no principal, and anyone on the network could fill the
 * audit topic with them; they are counted in the log at debug level instead.
 */
public final class GatewayAudit {

    private final AuditTrail trail;

    GatewayAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** The caller asked to cancel a query. */
    public void cancel(Caller caller, String queryId, String sessionId) {
        write(record(caller, AuditAction.CANCEL, "ALLOWED").setQueryId(queryId).setSessionId(sessionId)
                .setDetail("cancel requested"));
    }

    /** The caller reloaded the configuration; {@code outcome} is APPLIED or REFUSED. */
    public void configReload(Caller caller, String outcome, String detail) {
        write(record(caller, AuditAction.CONFIG_RELOAD, outcome).setDetail(detail));
    }

    /** An administrator read what another user owns. */
    public void adminRead(Caller caller, String owner, String queryId, String sessionId, String what) {
        write(record(caller, AuditAction.ADMIN_READ, "ALLOWED").setQueryId(queryId).setSessionId(sessionId)
                .setDetail(what + " of user " + owner));
    }

    /** The gateway refused the caller; {@code outcome} is DENIED or RATE_LIMITED. */
    public void refusal(Caller caller, String outcome, String reason, String detail) {
        write(record(caller, AuditAction.REFUSAL, outcome).setReason(reason).setDetail(detail));
    }

    private static AuditRecord.Builder record(Caller caller, AuditAction action, String outcome) {
        return AuditRecord.newBuilder().setAction(action).setPrincipal((caller != null) ? caller.principal() : null)
                .setOutcome(outcome).setAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void write(AuditRecord.Builder record) {
        // Not awaited: AuditTrail logs a failed send, and an audit outage must not fail the request.
        this.trail.record(record.build());
    }
}
