package io.clearsky.gateway.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes every request a known caller without sign-in: in {@code local} mode the local user, or the user
 * {@code X-User-Id} names; in {@code none} mode the anonymous user, whatever headers say. Both act as
 * administrators, as the only user of the machine or of an unprotected service.
 */
final class LocalCallerFilter implements WebFilter {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}");

    private final SecurityMode mode;

    private final String localUser;

    LocalCallerFilter(SecurityMode mode, String localUser) {
        this.mode = mode;
        this.localUser = localUser;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String user;
        Caller.Kind kind;
        if (this.mode == SecurityMode.LOCAL) {
            String named = exchange.getRequest().getHeaders().getFirst(CallerAuthentication.USER_HEADER);
            if (named != null && !ID.matcher(named).matches()) {
                return ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST,
                        CallerAuthentication.USER_HEADER + " must be 1-128 letters, digits or . _ : @ -",
                        Map.of("field", CallerAuthentication.USER_HEADER));
            }
            user = (named != null) ? named : this.localUser;
            kind = Caller.Kind.LOCAL;
        }
        else {
            user = io.clearsky.gateway.store.StatusTopology.ANONYMOUS;
            kind = Caller.Kind.ANONYMOUS;
        }
        CallerAuthentication authentication = new CallerAuthentication(new Caller(user, List.of(), Role.ADMIN, kind), user);
        return chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
    }
}
