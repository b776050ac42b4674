package io.clearsky.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupsClaimTest {

    @Test
    void readsAListClaimByName() {
        assertThat(new GroupsClaim("groups").from(Map.of("groups", List.of("admins", "analysts"))))
                .containsExactly("admins", "analysts");
    }

    @Test
    void readsCognitoGroupsWhoseNameHoldsAColon() {
        assertThat(new GroupsClaim("cognito:groups").from(Map.of("cognito:groups", List.of("admins"))))
                .containsExactly("admins");
    }

    @Test
    void readsKeycloakRealmRolesByDottedPath() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("offline_access", "admins")));
        assertThat(new GroupsClaim("realm_access.roles").from(claims)).containsExactly("offline_access", "admins");
    }

    @Test
    void prefersAClaimWhoseExactNameHasDots() {
        Map<String, Object> claims = Map.of("https://acme.example/groups", List.of("analysts"));
        assertThat(new GroupsClaim("https://acme.example/groups").from(claims)).containsExactly("analysts");
    }

    @Test
    void splitsASingleStringOnCommasAndSpaces() {
        assertThat(new GroupsClaim("roles").from(Map.of("roles", "viewers, analysts admins")))
                .containsExactly("viewers", "analysts", "admins");
    }

    @Test
    void aMissingClaimIsNoGroups() {
        assertThat(new GroupsClaim("realm_access.roles").from(Map.of("sub", "alice"))).isEmpty();
    }
}
