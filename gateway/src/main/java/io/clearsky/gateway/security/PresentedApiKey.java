package io.clearsky.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API key as a request presented it, before it is looked up. */
final class PresentedApiKey extends AbstractAuthenticationToken {

    private final String key;

    PresentedApiKey(String key) {
        super(List.of());
        this.key = key;
    }

    String key() {
        return this.key;
    }

    @Override
    public Object getCredentials() {
        return "[hidden]";
    }

    @Override
    public Object getPrincipal() {
        return "api-key";
    }

    @Override
    public String toString() {
        return "PresentedApiKey[hidden]";
    }
}
