package io.clearsky.gateway.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The per-request access rules the filter chain cannot decide from the path alone: whose sessions and
 * queries a caller may see or cancel (their own; any, for administrators, audited), and who may run
 * edited SQL (analysts and administrators). What a caller may not see is answered exactly like what
 * does not exist (404), so ids of other users' data reveal nothing.
 */
public final class AccessChecks {

    private final GatewayAudit audit;

    AccessChecks(GatewayAudit audit) {
        this.audit = audit;
    }

    /**
     * Whether {@code caller} may read data owned by {@code owner}; an administrator's read of another
     * user's data is audited (ADMIN_READ).
     *
     * @param owner the stored user id (null or blank for questions that carried none)
     * @param queryId the query read, or null
     * @param sessionId the session read, or null
     * @param what what is read, e.g. {@code session}, for the audit record
     */
    public boolean mayRead(Caller caller, String owner, String queryId, String sessionId, String what) {
        if (caller.owns(owner)) {
            return true;
        }
        if (caller.isAdmin()) {
            this.audit.adminRead(caller, (owner != null && !owner.isBlank()) ? owner
                    : io.clearsky.gateway.store.StatusTopology.ANONYMOUS, queryId, sessionId, what);
            return true;
        }
        return false;
    }

    /** Whether {@code caller} may change (cancel, continue) data owned by {@code owner}. */
    public boolean mayAct(Caller caller, String owner) {
        return caller.owns(owner) || caller.isAdmin();
    }

    /**
     * Refuses a caller who may not run edited SQL.
     *
     * @throws ErrorResponseException 403 problem details naming the field {@code sql}; audited as REFUSAL
     */
    public void requireMayRunSql(Caller caller) {
        if (caller.mayRunSql()) {
            return;
        }
        this.audit.refusal(caller, "DENIED", "ROLE_ANALYST_REQUIRED", "edited SQL in POST /api/chat/query");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Running SQL needs the analyst role; your groups do not grant it. Ask the question instead.");
        problem.setProperty("field", "sql");
        problem.setProperty("required_role", "analyst");
        throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
