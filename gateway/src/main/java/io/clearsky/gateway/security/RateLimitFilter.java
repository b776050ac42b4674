package io.clearsky.gateway.security;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits each signed-in user's and each API key's request rate on {@code /api/**}: over the limit, 429
 * with {@code Retry-After} and problem details, and one REFUSAL audit record. Runs after sign-in.
 */
final class RateLimitFilter implements WebFilter {

    private final RequestRateLimiter limiter;

    private final QuestionLimits limits;

    private final GatewayAudit audit;

    RateLimitFilter(RequestRateLimiter limiter, QuestionLimits limits, GatewayAudit audit) {
        this.limiter = limiter;
        this.limits = limits;
        this.audit = audit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return Callers.current().flatMap((caller) -> {
            SecurityProperties.Limit limit = this.limits.limitOf(caller);
            long wait = (limit != null) ? this.limiter.acquire(caller.limitKey(), limit) : 0;
            if (wait == 0) {
                return chain.filter(exchange).thenReturn(true);
            }
            this.audit.refusal(caller, "RATE_LIMITED", "RATE_LIMIT", "more than " + limit.requestsPerMinute()
                    + " requests per minute: " + exchange.getRequest().getMethod().name() + " "
                    + exchange.getRequest().getPath().value());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests: at most " + limit.requestsPerMinute() + " per minute; retry in " + wait + " s",
                    Map.of("retry_after_seconds", wait)).thenReturn(true);
        }).switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true))).then();
    }
}
