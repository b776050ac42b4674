package io.clearsky.gateway.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A verified caller in Spring Security's context. It keeps the credential the caller presented only so
 * that a request forwarded to the gateway instance owning a key carries it and is verified again there;
 * it is never logged ({@link #toString()} leaves it out) nor returned.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    /** Header carrying an API key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    /** Header naming the user in {@code local} mode; ignored in every other mode. */
    public static final String USER_HEADER = "X-User-Id";

    private final Caller caller;

    private final String credential;

    CallerAuthentication(Caller caller, String credential) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
        this.caller = caller;
        this.credential = credential;
        setAuthenticated(true);
    }

    public Caller caller() {
        return this.caller;
    }

    @Override
    public Caller getPrincipal() {
        return this.caller;
    }

    @Override
    public Object getCredentials() {
        return "[hidden]";
    }

    @Override
    public String getName() {
        return this.caller.user();
    }

    /** Adds to {@code headers} what lets another gateway instance verify this caller again. */
    public void forwardTo(HttpHeaders headers) {
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove(API_KEY_HEADER);
        headers.remove(USER_HEADER);
        switch (this.caller.kind()) {
            case TOKEN -> headers.setBearerAuth(this.credential);
            case API_KEY -> headers.set(API_KEY_HEADER, this.credential);
            case LOCAL -> headers.set(USER_HEADER, this.caller.user());
            case ANONYMOUS -> { }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication that && this.caller.equals(that.caller)
                && this.credential.equals(that.credential);
    }

    @Override
    public int hashCode() {
        return this.caller.hashCode();
    }

    @Override
    public String toString() {
        return "CallerAuthentication[" + this.caller + "]";
    }
}
