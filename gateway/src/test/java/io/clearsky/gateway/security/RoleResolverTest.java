package io.clearsky.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleResolverTest {

    private final RoleResolver roles = new RoleResolver(
            new SecurityProperties.Roles(List.of("admins"), List.of("analysts"), List.of("viewers"), null));

    @Test
    void theHighestRoleAnyGroupGrantsWins() {
        assertThat(this.roles.roleOf(List.of("viewers", "admins"))).contains(Role.ADMIN);
        assertThat(this.roles.roleOf(List.of("analysts", "viewers"))).contains(Role.ANALYST);
    }

    @Test
    void aCallerWithNoListedGroupIsAViewerByDefault() {
        assertThat(this.roles.roleOf(List.of("somebody-else"))).contains(Role.VIEWER);
        assertThat(this.roles.roleOf(List.of())).contains(Role.VIEWER);
    }

    @Test
    void defaultRoleNoneLeavesUnlistedCallersWithoutARole() {
        RoleResolver strict = new RoleResolver(new SecurityProperties.Roles(List.of("admins"), null, null, "none"));
        assertThat(strict.roleOf(List.of("somebody-else"))).isEmpty();
        assertThat(strict.roleOf(List.of("admins"))).contains(Role.ADMIN);
    }

    @Test
    void anUnknownDefaultRoleIsRefusedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecurityProperties.Roles(null, null, null, "root"))
                .withMessageContaining("clearsky.security.roles.default-role");
    }

    @Test
    void groupNamesCompareExactly() {
        assertThat(this.roles.roleOf(List.of("Admins"))).contains(Role.VIEWER);
    }
}
