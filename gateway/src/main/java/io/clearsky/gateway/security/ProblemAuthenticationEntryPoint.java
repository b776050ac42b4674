package io.clearsky.gateway.security;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request without a valid credential: 401, {@code WWW-Authenticate: Bearer …} as RFC 6750
 * asks (with {@code error="invalid_token"} when a credential was presented), and problem details
 * saying what was wrong with it. Nothing of the credential is echoed.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final Logger logger = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private static final int MAX_DESCRIPTION = 200;

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean presented = hasCredential(exchange);
        String description = presented ? describe(ex) : null;
        String challenge = "Bearer realm=\"clearsky\"";
        if (description != null) {
            challenge += ", error=\"invalid_token\", error_description=\"" + description.replace("\"", "'") + "\"";
        }
        logger.debug("Refused {} {} with 401: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), (description != null) ? description : "no credential");
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        String detail = (description != null) ? "The credential was refused: " + description
                : "Sign in: send an OIDC access token as 'Authorization: Bearer <token>' or an API key as 'X-API-Key'";
        return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, detail, Map.of());
    }

    private static boolean hasCredential(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return headers.containsHeader(HttpHeaders.AUTHORIZATION) || headers.containsHeader(CallerAuthentication.API_KEY_HEADER);
    }

    /** Why the credential was refused, in a few words and never with the token in it. */
    private static String describe(AuthenticationException ex) {
        String description = (ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null)
                ? oauth.getError().getDescription() : ex.getMessage();
        if (description == null || description.isBlank()) {
            return "invalid credential";
        }
        String oneLine = description.replaceAll("[\\r\\n]+", " ");
        return (oneLine.length() > MAX_DESCRIPTION) ? oneLine.substring(0, MAX_DESCRIPTION) + "…" : oneLine;
    }
}
