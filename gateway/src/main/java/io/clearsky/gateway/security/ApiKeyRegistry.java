package io.clearsky.gateway.security;

import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.ConfigProblem;
import io.clearsky.core.config.source.ConfigSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API keys in force, read from one JSON object beside the configuration objects (an S3 key under
 * {@code CONFIG_BUCKET}, else a local file):
 * <pre>{"keys": [{"name": "orders-service", "sha256": "9f86d0…", "groups": ["analysts"]}]}</pre>
 * It is read at start-up, on {@code POST /api/config/reload} and every refresh interval; a list that
 * cannot be read or is invalid is refused and the previous one stays. Keys are looked up by the hash
 * of what the caller presents, so the list never holds a usable key.
 */
public final class ApiKeyRegistry {

    private static final Logger logger = LoggerFactory.getLogger(ApiKeyRegistry.class);

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ConfigSource source;

    private final String key;

    private final AtomicReference<Map<String, ApiKey>> byHash = new AtomicReference<>(Map.of());

    /**
     * @param source where the list is read from; null with {@code key} null when there are no API keys
     * @param key the object's key or file; null for no API keys
     */
    ApiKeyRegistry(ConfigSource source, String key) {
        this.source = source;
        this.key = key;
    }

    /** Whether an API key list is configured at all. */
    public boolean configured() {
        return this.key != null;
    }

    /** The key's entry, when {@code presented} is a key in force. */
    public Optional<ApiKey> find(String presented) {
        return Optional.ofNullable(this.byHash.get().get(ApiKey.hash(presented)));
    }

    /**
     * Re-reads the list and puts it in force.
     *
     * @return how many keys are in force now
     * @throws ConfigException naming the object and each problem; the previous list stays in force
     */
    public int reload() {
        if (this.key == null) {
            return 0;
        }
        Map<String, ApiKey> next = read();
        Map<String, ApiKey> before = this.byHash.getAndSet(next);
        if (!before.keySet().equals(next.keySet())) {
            logger.info("API keys in force: {} for {}", next.size(),
                    next.values().stream().map(ApiKey::name).distinct().sorted().collect(Collectors.joining(", ")));
        }
        return next.size();
    }

    /** {@link #reload()} for the periodic refresh: a failure is logged and the previous list stays. */
    void refresh() {
        try {
            reload();
        }
        catch (ConfigException ex) {
            logger.warn("API keys not refreshed, the previous list stays in force: {}", ex.getMessage());
        }
    }

    private Map<String, ApiKey> read() {
        String location = this.source.location(this.key);
        JsonNode root;
        try {
            root = MAPPER.readTree(this.source.read(this.key));
        }
        catch (JacksonException ex) {
            throw ConfigException.of(location, "is not valid JSON");
        }
        if (root == null || !root.isObject() || !root.path("keys").isArray()) {
            throw ConfigException.of(location, "must be a JSON object with a \"keys\" array");
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, ApiKey> keys = new java.util.HashMap<>();
        int index = 0;
        for (JsonNode entry : root.path("keys")) {
            String path = "keys[" + index++ + "]";
            String name = entry.path("name").isString() ? entry.path("name").asString().strip() : "";
            String hash = entry.path("sha256").isString() ? entry.path("sha256").asString().strip() : "";
            if (name.isEmpty()) {
                problems.add(new ConfigProblem(location, path + ".name", "must be the key's principal name"));
            }
            if (!SHA256.matcher(hash).matches()) {
                // The value is left out: it might be a key pasted by mistake.
                problems.add(new ConfigProblem(location, path + ".sha256",
                        "must be the key's SHA-256 as 64 lower-case hex digits"));
            }
            List<String> groups = new ArrayList<>();
            entry.path("groups").forEach((group) -> groups.add(group.asString()));
            if (problems.isEmpty()) {
                keys.put(hash, new ApiKey(name, hash, groups));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return Map.copyOf(keys);
    }
}
