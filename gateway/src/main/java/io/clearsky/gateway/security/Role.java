package io.clearsky.gateway.security;

/**
 * What a caller may do, granted from their groups. Each role includes the ones below it.
 */
public enum Role {

    /** Ask questions and read their own sessions, queries and answers. */
    VIEWER,

    /** Also run edited SQL ({@code sql} in {@code POST /api/chat/query}). */
    ANALYST,

    /** Also reload the configuration, read any user's sessions and queries (audited) and use the actuator. */
    ADMIN;

    /** The Spring Security authority of this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether this role includes {@code other}. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
