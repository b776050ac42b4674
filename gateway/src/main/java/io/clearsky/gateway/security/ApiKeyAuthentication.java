package io.clearsky.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * API keys for other systems: {@code X-API-Key: csk_…} or {@code Authorization: Bearer csk_…}. The key
 * is hashed and looked up in the {@link ApiKeyRegistry}; a key not in force is refused (401).
 */
final class ApiKeyAuthentication {

    private ApiKeyAuthentication() {
    }

    /** Finds an API key in the request; empty when there is none (a JWT, or no credential). */
    static ServerAuthenticationConverter converter() {
        return (exchange) -> Mono.justOrEmpty(presented(exchange)).map(PresentedApiKey::new);
    }

    /** Looks the presented key up; the key's principal becomes the caller. */
    static ReactiveAuthenticationManager manager(ApiKeyRegistry registry, RoleResolver roles) {
        return (authentication) -> {
            if (!(authentication instanceof PresentedApiKey presented)) {
                return Mono.empty();
            }
            return Mono.justOrEmpty(registry.find(presented.key()))
                    .switchIfEmpty(Mono.error(() -> new BadCredentialsException("The API key is not valid")))
                    .map((key) -> {
                        Role role = roles.roleOf(key.groups()).orElse(null);
                        Authentication result = (role == null) ? new NoRoleAuthentication(key.name(), key.groups())
                                : new CallerAuthentication(new Caller(key.name(), key.groups(), role, Caller.Kind.API_KEY),
                                        presented.key());
                        return result;
                    });
        };
    }

    /** Whether the request's bearer token is an API key rather than a JWT. */
    static boolean isApiKeyBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.substring(7).strip().startsWith(ApiKey.PREFIX);
    }

    private static String presented(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String header = headers.getFirst(CallerAuthentication.API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return isApiKeyBearer(authorization) ? authorization.substring(7).strip() : null;
    }
}
