package io.clearsky.gateway.api;

import io.clearsky.gateway.intake.IntakeUnavailableException;
import io.clearsky.gateway.store.StoresNotReadyException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into RFC 9457 problem details. Bad input names its field and never shows a stack
 * trace; only a genuine server fault is a 500, and it shows nothing internal either.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        DatabindException databind = cause(ex, DatabindException.class);
        JacksonException json = cause(ex, JacksonException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem.setDetail("Field '" + field + "' has the wrong type or format");
            problem.setProperty("field", field);
        }
        else if (json != null) {
            problem.setDetail("The request body is not valid JSON: " + json.getOriginalMessage());
            problem.setProperty("field", "body");
        }
        else if (ex.getMethodParameter() != null) {
            String name = parameterName(ex);
            problem.setDetail("Parameter '" + name + "' is missing or invalid");
            problem.setProperty("field", name);
        }
        else {
            problem.setDetail((ex.getReason() != null) ? ex.getReason() : "The request body is missing or unreadable");
            problem.setProperty("field", "body");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Required " + ex.getLabel() + " '" + ex.getName() + "' is missing");
        problem.setProperty("field", ex.getName());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @ExceptionHandler(StoresNotReadyException.class)
    ResponseEntity<ProblemDetail> storesNotReady(StoresNotReadyException ex) {
        return unavailable(ex.getMessage());
    }

    @ExceptionHandler(IntakeUnavailableException.class)
    ResponseEntity<ProblemDetail> intakeUnavailable(IntakeUnavailableException ex) {
        logger.warn("Question not queued: {}", ex.getMessage());
        return unavailable("The question could not be queued; Kafka is not reachable");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        logger.error("Unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"));
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }

    private static String parameterName(ServerWebInputException ex) {
        var parameter = ex.getMethodParameter();
        var requestParam = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
