package io.clearsky.gateway.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * Accepts a token meant for this API: its {@code aud} holds one of the configured audiences, or, since
 * Cognito access tokens carry no {@code aud}, its {@code client_id} is one of them.
 */
final class AudienceValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error WRONG_AUDIENCE = new OAuth2Error(BearerTokenErrorCodes.INVALID_TOKEN,
            "The token is not meant for this API (audience)", null);

    private final List<String> audiences;

    AudienceValidator(List<String> audiences) {
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> aud = token.getAudience();
        boolean audienceMatches = aud != null && aud.stream().anyMatch(this.audiences::contains);
        Object clientId = token.getClaims().get("client_id");
        boolean cognitoClientMatches = (aud == null || aud.isEmpty()) && clientId instanceof String id
                && this.audiences.contains(id);
        return (audienceMatches || cognitoClientMatches) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(WRONG_AUDIENCE);
    }
}
