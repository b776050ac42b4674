package io.clearsky.gateway.security;

import io.clearsky.core.Hashing;
import java.util.List;

/**
 * One API key as configured: the SHA-256 of the key (never the key), the principal name it acts as,
 * and that principal's groups.
 *
 * @param name the principal name, e.g. {@code orders-service}; two entries may share it while a key is rotated
 * @param sha256 SHA-256 of the whole key ({@code csk_…}), 64 lower-case hex digits
 * @param groups the groups the key's principal belongs to
 */
public record ApiKey(String name, String sha256, List<String> groups) {

    /** Every API key starts with this, so it is told apart from a JWT in {@code Authorization: Bearer}. */
    public static final String PREFIX = "csk_";

    public ApiKey {
        groups = (groups != null) ? List.copyOf(groups) : List.of();
    }

    /** The hash configuration holds for {@code key}: SHA-256 of its UTF-8 bytes, hex. */
    public static String hash(String key) {
        return Hashing.sha256Hex(key);
    }
}
