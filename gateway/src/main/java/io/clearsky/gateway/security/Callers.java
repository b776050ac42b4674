package io.clearsky.gateway.security;

import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * The caller of the request being handled, for any gateway code running inside it (controllers,
 * filters after sign-in, their reactive chains). Controllers may instead take a parameter
 * {@code @AuthenticationPrincipal Caller caller}.
 */
public final class Callers {

    private Callers() {
    }

    /** The verified caller; empty only outside a request or on a public endpoint without credentials. */
    public static Mono<Caller> current() {
        return authentication().map(CallerAuthentication::caller);
    }

    /**
     * What to add to a request to another gateway instance so that it verifies the same caller; does
     * nothing outside a signed-in request.
     */
    public static Mono<Consumer<HttpHeaders>> forwarding() {
        return authentication().<Consumer<HttpHeaders>>map((auth) -> auth::forwardTo)
                .defaultIfEmpty((headers) -> { });
    }

    static Mono<CallerAuthentication> authentication() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance).cast(CallerAuthentication.class);
    }
}
