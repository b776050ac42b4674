package io.clearsky.gateway.security;

import io.clearsky.schemas.avro.Principal;
import java.util.List;

/**
 * Who is calling, as verified: the user (a token's user claim, an API key's principal name, or the
 * local user), their groups and the role those grant. Holds no credential, so it may be logged.
 *
 * @param user the verified user or system name; becomes {@code QuestionSubmitted.userId} and {@code principal.user}
 * @param groups the caller's groups
 * @param role the highest role the groups grant
 * @param kind how the caller was identified
 */
public record Caller(String user, List<String> groups, Role role, Kind kind) {

    /** How a caller was identified. */
    public enum Kind {

        /** An OIDC bearer token (JWT). */
        TOKEN,

        /** An API key. */
        API_KEY,

        /** The local user of {@code bin/clearsky} ({@code local} mode). */
        LOCAL,

        /** Nobody: sign-in is off ({@code none} mode). */
        ANONYMOUS
    }

    public Caller {
        groups = List.copyOf(groups);
    }

    /** The principal that travels with the caller's questions and audit records. */
    public Principal principal() {
        return Principal.newBuilder().setUser(this.user).setGroups(List.copyOf(this.groups)).setOrigin("http").build();
    }

    /** Whether the caller is an administrator. */
    public boolean isAdmin() {
        return this.role.includes(Role.ADMIN);
    }

    /** Whether the caller may run SQL they wrote or edited. */
    public boolean mayRunSql() {
        return this.role.includes(Role.ANALYST);
    }

    /** Whether {@code owner} (a stored user id; null or blank for questions without one) is this caller. */
    public boolean owns(String owner) {
        String stored = (owner == null || owner.isBlank()) ? io.clearsky.gateway.store.StatusTopology.ANONYMOUS : owner;
        return stored.equals(this.user);
    }

    /** The key under which this caller's limits are counted: users and API keys apart. */
    String limitKey() {
        return ((this.kind == Kind.API_KEY) ? "key:" : "user:") + this.user;
    }
}
