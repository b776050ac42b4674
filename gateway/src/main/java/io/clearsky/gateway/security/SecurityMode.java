package io.clearsky.gateway.security;

/**
 * How the gateway knows who is calling ({@code clearsky.security.mode}, env {@code CLEARSKY_SECURITY_MODE}).
 */
public enum SecurityMode {

    /** One local user and no sign-in; {@code X-User-Id} may name the user. The default of {@code bin/clearsky} only. */
    LOCAL,

    /** OIDC bearer tokens (JWT) and API keys. The default everywhere else. */
    OIDC,

    /** No sign-in at all: every caller is the same anonymous administrator. Only when set explicitly. */
    NONE;

    /** The name as written in configuration and shown in {@code GET /api/config}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
