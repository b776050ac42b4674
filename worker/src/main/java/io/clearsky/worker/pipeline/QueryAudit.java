package io.clearsky.worker.pipeline;

import io.clearsky.core.audit.AuditTrail;
import io.clearsky.schemas.avro.AuditAction;
import io.clearsky.schemas.avro.AuditRecord;
import io.clearsky.schemas.avro.Principal;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit record of one query, written once when it ends: {@code QUESTION} or {@code EDITED_SQL} with the
 * terminal status as outcome, or {@code REFUSAL} (outcome {@code REJECTED}) when the guard or a data access
 * policy refused it — one record per query either way, never two.
 */
final class QueryAudit {

    private static final Logger logger = LoggerFactory.getLogger(QueryAudit.class);

    private final AuditTrail trail;

    private final Principal principal;

    private final AuditAction action;

    private final String source;

    /** The tables the last accepted SQL reads; empty until the guard accepts one, and after a refusal. */
    private volatile Set<String> tables = Set.of();

    /**
     * @param action {@code QUESTION} for a question, {@code EDITED_SQL} for one that came with its SQL
     * @param source the publishing system the record names, or null
     */
    QueryAudit(AuditTrail trail, Principal principal, AuditAction action, String source) {
        this.trail = trail;
        this.principal = principal;
        this.action = action;
        this.source = source;
    }

    /** Notes the tables the SQL about to run reads, as {@code database.table}. */
    void reads(Set<String> tables) {
        this.tables = new TreeSet<>(tables);
    }

    /** Writes the record of the query that ended with {@code answer}; a failure to write never fails the query. */
    void ended(QueryAnswer answer) {
        boolean refused = answer.getStatus() == QueryStatus.REJECTED;
        AuditRecord record = AuditRecord.newBuilder()
                .setAction(refused ? AuditAction.REFUSAL : this.action)
                .setPrincipal(this.principal)
                .setQueryId(answer.getQueryId())
                .setSessionId(answer.getSessionId())
                .setSql(answer.getSql())
                .setTables(refused ? List.of() : List.copyOf(this.tables))
                .setBytesScanned((answer.getStatistics() != null) ? answer.getStatistics().getDataScannedBytes() : null)
                .setOutcome(answer.getStatus().name())
                .setReason((answer.getError() != null) ? answer.getError().getCode() : null)
                .setDetail(detail(answer, refused))
                .setAt(Instant.now())
                .build();
        try {
            this.trail.record(record);
        }
        catch (RuntimeException ex) {
            logger.warn("Audit record {} for query {} not written: {}", record.getAction(), record.getQueryId(),
                    ex.getMessage());
        }
    }

    private String detail(QueryAnswer answer, boolean refused) {
        StringBuilder detail = new StringBuilder(refused ? this.action.name() + " refused" : "answered");
        if (answer.getGenerator() != null) {
            detail.append("; generator ").append(answer.getGenerator());
        }
        if (this.source != null) {
            detail.append("; source ").append(this.source);
        }
        return detail.toString();
    }
}
