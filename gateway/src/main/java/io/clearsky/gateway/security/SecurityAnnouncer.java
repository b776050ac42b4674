package io.clearsky.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says at start-up, in one line, how callers are identified; with sign-in off ({@code none}), loudly.
 */
final class SecurityAnnouncer implements SmartInitializingSingleton {

    private static final Logger logger = LoggerFactory.getLogger(SecurityAnnouncer.class);

    private final SecurityProperties properties;

    private final ApiKeyRegistry apiKeys;

    SecurityAnnouncer(SecurityProperties properties, ApiKeyRegistry apiKeys) {
        this.properties = properties;
        this.apiKeys = apiKeys;
    }

    @Override
    public void afterSingletonsInstantiated() {
        switch (this.properties.mode()) {
            case LOCAL -> logger.info("Sign-in mode: local. One local user ('{}'), no login; X-User-Id may name "
                    + "another user. Set CLEARSKY_SECURITY_MODE=oidc to require sign-in.", this.properties.localUser());
            case NONE -> logger.warn("SIGN-IN IS OFF (clearsky.security.mode=none): every caller is the same "
                    + "anonymous administrator and may read every session, run any SQL and reload the "
                    + "configuration. Never expose this instance beyond a trusted network.");
            case OIDC -> {
                SecurityProperties.Oidc oidc = this.properties.oidc();
                logger.info("Sign-in mode: oidc. Bearer tokens from {} (audience {}, user claim '{}', groups claim "
                        + "'{}'); API keys {}; admin groups {}.",
                        (oidc.jwksUri() != null) ? oidc.jwksUri() : oidc.issuerUri(),
                        oidc.audience().isEmpty() ? "any" : oidc.audience(), oidc.userClaim(), oidc.groupsClaim(),
                        this.apiKeys.configured() ? "from " + this.properties.apiKeys().key() : "off",
                        this.properties.roles().adminGroups());
            }
        }
    }
}
