package io.clearsky.gateway.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Grants a role from groups: the highest role any group is listed for, else the configured default
 * ({@code viewer} unless set otherwise). Group names compare exactly, as identity providers send them.
 */
final class RoleResolver {

    private final SecurityProperties.Roles roles;

    RoleResolver(SecurityProperties.Roles roles) {
        this.roles = roles;
    }

    /** The caller's role; empty when no group is listed and the default role is {@code none}. */
    Optional<Role> roleOf(Collection<String> groups) {
        if (groups.stream().anyMatch(this.roles.adminGroups()::contains)) {
            return Optional.of(Role.ADMIN);
        }
        if (groups.stream().anyMatch(this.roles.analystGroups()::contains)) {
            return Optional.of(Role.ANALYST);
        }
        if (groups.stream().anyMatch(this.roles.viewerGroups()::contains)) {
            return Optional.of(Role.VIEWER);
        }
        return "none".equals(this.roles.defaultRole()) ? Optional.empty()
                : Optional.of(Role.valueOf(this.roles.defaultRole().toUpperCase(Locale.ROOT)));
    }
}
