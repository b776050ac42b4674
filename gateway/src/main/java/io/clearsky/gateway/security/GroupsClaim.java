package io.clearsky.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads groups from a token's claims by name ({@code groups}, {@code cognito:groups}, {@code roles},
 * a namespaced {@code https://example.com/groups}) or, when no claim has that exact name, by a dotted
 * path into nested objects ({@code realm_access.roles}, {@code resource_access.clearsky.roles}).
 * A list gives its strings; a single string is split on commas and whitespace.
 */
final class GroupsClaim {

    private final String name;

    GroupsClaim(String name) {
        this.name = name;
    }

    List<String> from(Map<String, Object> claims) {
        Object value = claims.containsKey(this.name) ? claims.get(this.name) : atPath(claims);
        List<String> groups = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.stream().filter((item) -> item != null).map(Object::toString).map(String::strip)
                    .filter((group) -> !group.isEmpty()).forEach(groups::add);
        }
        else if (value instanceof String text) {
            for (String group : text.split("[,\\s]+")) {
                if (!group.isEmpty()) {
                    groups.add(group);
                }
            }
        }
        return List.copyOf(groups);
    }

    private Object atPath(Map<String, Object> claims) {
        Object current = claims;
        for (String part : this.name.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(part);
        }
        return current;
    }
}
