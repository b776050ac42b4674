package io.clearsky.gateway.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Problem details (RFC 9457) for requests the API refuses. Every problem about the request names the
 * offending field or parameter in a {@code field} property.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static ErrorResponseException field(HttpStatus status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("field", field);
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException notFound(String field, String value, String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No " + what + " with id '" + value + "'");
        problem.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static ErrorResponseException alreadyEnded(String queryId, String status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Query '" + queryId + "' has already ended " + status + "; there is nothing to cancel");
        problem.setProperty("field", "query_id");
        problem.setProperty("query_status", status);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
