package io.clearsky.gateway.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Builds the bearer token decoder from {@link SecurityProperties.Oidc}: keys from the JWK set named by
 * the issuer's discovery document (fetched on first use, so a gateway starts while the issuer is
 * briefly away) or by an explicit JWKS URI; signatures in the configured asymmetric algorithms only,
 * so {@code alg: none}, HMAC and unsigned tokens never pass; {@code exp} required and checked with the
 * clock skew; {@code iss} equal to the issuer; {@code aud} (or Cognito's {@code client_id}) one of the audiences.
 */
final class OidcDecoders {

    private OidcDecoders() {
    }

    static ReactiveJwtDecoder decoder(SecurityProperties.Oidc oidc) {
        if (!oidc.configured()) {
            throw new IllegalStateException("clearsky.security.mode=oidc needs CLEARSKY_OIDC_ISSUER_URI or "
                    + "CLEARSKY_OIDC_JWKS_URI (clearsky.security.oidc.issuer-uri / jwks-uri); "
                    + "set CLEARSKY_SECURITY_MODE=local for one local user without sign-in");
        }
        List<SignatureAlgorithm> algorithms = oidc.jwsAlgorithms().stream().map(OidcDecoders::algorithm).toList();
        NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder = (oidc.jwksUri() != null)
                ? NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwksUri())
                : NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri());
        NimbusReactiveJwtDecoder decoder = builder.jwsAlgorithms((set) -> {
            set.clear();
            set.addAll(algorithms);
        }).build();
        decoder.setJwtValidator(validator(oidc));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties.Oidc oidc) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtTimestampValidator(oidc.clockSkew()));
        if (oidc.issuerUri() != null) {
            validators.add(new JwtIssuerValidator(oidc.issuerUri()));
        }
        if (!oidc.audience().isEmpty()) {
            validators.add(new AudienceValidator(oidc.audience()));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static SignatureAlgorithm algorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.strip().toUpperCase(java.util.Locale.ROOT));
        if (algorithm == null) {
            throw new IllegalArgumentException("clearsky.security.oidc.jws-algorithms: unknown or symmetric "
                    + "algorithm '" + name + "'; use RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384 or PS512");
        }
        return algorithm;
    }
}
