package io.clearsky.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A verified caller none of whose groups grants a role while the default role is {@code none}: signed
 * in, but refused every API call (403).
 */
final class NoRoleAuthentication extends AbstractAuthenticationToken {

    private final String user;

    NoRoleAuthentication(String user, List<String> groups) {
        super(List.of());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "[hidden]";
    }

    @Override
    public Object getPrincipal() {
        return this.user;
    }
}
