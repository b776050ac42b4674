package io.clearsky.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in, roles and isolation settings ({@code clearsky.security.*}). The environment variables named below are
 * mapped in the gateway's defaults; the relaxed forms ({@code CLEARSKY_SECURITY_OIDC_AUDIENCE}, …) work too.
 *
 * @param mode how callers are identified ({@code CLEARSKY_SECURITY_MODE}): {@code oidc} (default),
 * {@code local} (the default of {@code bin/clearsky}) or {@code none}
 * @param localUser the user every request is made by in {@code local} mode unless {@code X-User-Id} names another
 * @param oidc how bearer tokens are verified
 * @param roles which groups grant which role
 * @param apiKeys where the API key list is read from
 * @param limits request rate and in-flight question caps
 */
@ConfigurationProperties("clearsky.security")
public record SecurityProperties(SecurityMode mode, String localUser, Oidc oidc, Roles roles, ApiKeys apiKeys,
        Limits limits) {

    public SecurityProperties {
        mode = (mode != null) ? mode : SecurityMode.OIDC;
        localUser = blankToNull(localUser) != null ? localUser.strip() : "anonymous";
        oidc = (oidc != null) ? oidc : new Oidc(null, null, null, null, null, null, null);
        roles = (roles != null) ? roles : new Roles(null, null, null, null);
        apiKeys = (apiKeys != null) ? apiKeys : new ApiKeys(null, null);
        limits = (limits != null) ? limits : new Limits(null, null, null);
    }

    /**
     * Bearer token verification.
     *
     * @param issuerUri the issuer ({@code CLEARSKY_OIDC_ISSUER_URI}): its discovery document names the
     * JWKS, and every token's {@code iss} must equal it
     * @param jwksUri the JWK set ({@code CLEARSKY_OIDC_JWKS_URI}), instead of discovery; with an issuer too,
     * {@code iss} is still checked against it
     * @param audience accepted audiences ({@code CLEARSKY_OIDC_AUDIENCE}, comma-separated): a token's
     * {@code aud} must hold one, or, for Cognito access tokens, its {@code client_id} must be one; empty accepts any
     * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat}
     * @param userClaim the claim naming the user ({@code CLEARSKY_OIDC_USER_CLAIM}): {@code sub} (default),
     * {@code email}, {@code oid}, {@code preferred_username}, {@code username}, …
     * @param groupsClaim the claim holding the groups ({@code CLEARSKY_OIDC_GROUPS_CLAIM}): {@code groups}
     * (default), {@code cognito:groups}, {@code roles}, or a dotted path such as {@code realm_access.roles}
     * @param jwsAlgorithms accepted signature algorithms; {@code none} and HMAC are never accepted
     */
    public record Oidc(String issuerUri, String jwksUri, List<String> audience, Duration clockSkew, String userClaim,
            String groupsClaim, List<String> jwsAlgorithms) {

        public Oidc {
            issuerUri = blankToNull(issuerUri);
            jwksUri = blankToNull(jwksUri);
            audience = clean(audience);
            clockSkew = (clockSkew != null) ? clockSkew : Duration.ofSeconds(60);
            userClaim = (blankToNull(userClaim) != null) ? userClaim.strip() : "sub";
            groupsClaim = (blankToNull(groupsClaim) != null) ? groupsClaim.strip() : "groups";
            jwsAlgorithms = clean(jwsAlgorithms).isEmpty() ? List.of("RS256") : clean(jwsAlgorithms);
        }

        /** Whether tokens can be verified at all: an issuer or a JWK set is named. */
        public boolean configured() {
            return this.issuerUri != null || this.jwksUri != null;
        }
    }

    /**
     * Groups to roles. A caller gets the highest role any of their groups grants.
     *
     * @param adminGroups groups whose members are administrators ({@code CLEARSKY_ADMIN_GROUPS})
     * @param analystGroups groups whose members may run edited SQL ({@code CLEARSKY_ANALYST_GROUPS})
     * @param viewerGroups groups whose members may ask questions ({@code CLEARSKY_VIEWER_GROUPS})
     * @param defaultRole the role of a signed-in caller none of whose groups is listed: {@code viewer}
     * (default), {@code analyst}, {@code admin}, or {@code none} to refuse such callers (403)
     */
    public record Roles(List<String> adminGroups, List<String> analystGroups, List<String> viewerGroups,
            String defaultRole) {

        public Roles {
            adminGroups = clean(adminGroups);
            analystGroups = clean(analystGroups);
            viewerGroups = clean(viewerGroups);
            defaultRole = (blankToNull(defaultRole) != null) ? defaultRole.strip().toLowerCase(Locale.ROOT) : "viewer";
            if (!List.of("viewer", "analyst", "admin", "none").contains(defaultRole)) {
                throw new IllegalArgumentException("clearsky.security.roles.default-role must be viewer, analyst, "
                        + "admin or none, was '" + defaultRole + "'");
            }
        }
    }

    /**
     * The API key list.
     *
     * @param key where the JSON list of key hashes is ({@code CLEARSKY_SECURITY_API_KEYS_KEY}): an S3 key
     * under {@code CONFIG_BUCKET}, else a local file; no key means no API keys
     * @param refresh how often every instance re-reads the list besides {@code POST /api/config/reload}
     */
    public record ApiKeys(String key, Duration refresh) {

        public ApiKeys {
            key = blankToNull(key);
            refresh = (refresh != null) ? refresh : Duration.ofMinutes(1);
        }
    }

    /**
     * Per-caller limits, kept by each gateway instance.
     *
     * @param user limits of each signed-in user
     * @param apiKey limits of each API key
     * @param inFlightTimeout longest a question counts as in flight when this instance does not see it end
     */
    public record Limits(Limit user, Limit apiKey, Duration inFlightTimeout) {

        public Limits {
            user = (user != null) ? user : new Limit(null, null, null);
            apiKey = (apiKey != null) ? apiKey : new Limit(null, null, null);
            inFlightTimeout = (inFlightTimeout != null) ? inFlightTimeout : Duration.ofMinutes(6);
        }
    }

    /**
     * One caller's limits; 0 switches a limit off.
     *
     * @param requestsPerMinute sustained API requests per minute
     * @param burst requests allowed at once above the sustained rate
     * @param maxInFlight questions queued or running at once
     */
    public record Limit(Integer requestsPerMinute, Integer burst, Integer maxInFlight) {

        public Limit {
            requestsPerMinute = (requestsPerMinute != null) ? requestsPerMinute : 300;
            burst = (burst != null) ? burst : 60;
            maxInFlight = (maxInFlight != null) ? maxInFlight : 20;
            if (requestsPerMinute < 0 || burst < 0 || maxInFlight < 0) {
                throw new IllegalArgumentException("clearsky.security.limits values must be 0 or more");
            }
        }
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value;
    }

    private static List<String> clean(List<String> values) {
        return (values == null) ? List.of()
                : values.stream().filter((v) -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
