package io.clearsky.gateway.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import reactor.core.publisher.Mono;

/**
 * Turns a verified token into a {@link Caller}: the user from the configured claim, the groups from the
 * groups claim, the role from the groups. A token without the user claim is refused (401).
 */
final class JwtCallerConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final String userClaim;

    private final GroupsClaim groups;

    private final RoleResolver roles;

    JwtCallerConverter(SecurityProperties.Oidc oidc, RoleResolver roles) {
        this.userClaim = oidc.userClaim();
        this.groups = new GroupsClaim(oidc.groupsClaim());
        this.roles = roles;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        Object user = jwt.getClaims().get(this.userClaim);
        if (!(user instanceof String name) || name.isBlank()) {
            return Mono.error(new OAuth2AuthenticationException(new OAuth2Error(BearerTokenErrorCodes.INVALID_TOKEN,
                    "The token has no '" + this.userClaim + "' claim naming the user", null)));
        }
        var groupList = this.groups.from(jwt.getClaims());
        Caller caller = this.roles.roleOf(groupList)
                .map((role) -> new Caller(name.strip(), groupList, role, Caller.Kind.TOKEN))
                .orElse(null);
        if (caller == null) {
            return Mono.just(new NoRoleAuthentication(name.strip(), groupList));
        }
        return Mono.just(new CallerAuthentication(caller, jwt.getTokenValue()));
    }
}
