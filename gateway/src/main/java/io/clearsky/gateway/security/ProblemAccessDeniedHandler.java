package io.clearsky.gateway.security;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a signed-in caller whose role does not allow the endpoint: 403 problem details naming the
 * role needed, and one REFUSAL audit record.
 */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final GatewayAudit audit;

    ProblemAccessDeniedHandler(GatewayAudit audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String path = exchange.getRequest().getPath().value();
        Role needed = EndpointAccess.roleFor(exchange.getRequest().getMethod(), path);
        String detail = "This endpoint needs the " + needed.name().toLowerCase(java.util.Locale.ROOT)
                + " role; your groups do not grant it";
        return Callers.current().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap((caller) -> {
                    this.audit.refusal(caller.orElse(null), "DENIED", "ROLE_" + needed.name() + "_REQUIRED",
                            exchange.getRequest().getMethod().name() + " " + path);
                    return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, detail,
                            Map.of("required_role", needed.name().toLowerCase(java.util.Locale.ROOT)));
                });
    }
}
