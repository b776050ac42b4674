package io.clearsky.core.policy;

import io.clearsky.schemas.avro.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured data access policies, evaluated for a principal's groups. The worker's guard and
 * retrieval ask it what a question's principal may read; the gateway asks it what a caller may see of the
 * schema.
 */
public final class DataPolicies {

    private final DataPolicyProperties properties;

    private final Map<String, Grant> grants;

    /**
     * @throws IllegalArgumentException when a policy is invalid; the message names the property to fix
     */
    public DataPolicies(DataPolicyProperties properties) {
        this.properties = properties;
        Map<String, Grant> read = new java.util.HashMap<>();
        properties.policies().forEach((group, policy) -> read.put(group, new Grant(group, policy)));
        this.grants = Map.copyOf(read);
    }

    /** No policies: every principal reads what the global guard lists allow. */
    public static DataPolicies none() {
        return new DataPolicies(DataPolicyProperties.none());
    }

    /** Whether any policy is configured; when not, every principal has {@link DataAccess#unrestricted()}. */
    public boolean enabled() {
        return !this.grants.isEmpty();
    }

    /**
     * What a principal in {@code groups} may read: the union of its groups' policies; when none of its
     * groups has a policy, that of {@code clearsky.security.default-groups}, else nothing.
     */
    public DataAccess access(Collection<String> groups) {
        if (!enabled()) {
            return DataAccess.unrestricted();
        }
        List<Grant> granted = new ArrayList<>();
        for (String group : groups) {
            Grant grant = this.grants.get(group.strip().toLowerCase(Locale.ROOT));
            if (grant != null && !granted.contains(grant)) {
                granted.add(grant);
            }
        }
        if (granted.isEmpty()) {
            this.properties.defaultGroups().forEach((group) -> granted.add(this.grants.get(group)));
        }
        return granted.isEmpty() ? DataAccess.nothing() : new DataAccess(granted);
    }

    /** What {@code principal} may read; a missing principal reads nothing while policies are configured. */
    public DataAccess access(Principal principal) {
        if (principal == null) {
            return enabled() ? DataAccess.nothing() : DataAccess.unrestricted();
        }
        return access(principal.getGroups().stream().map(CharSequence::toString).toList());
    }

    /**
     * The principal questions from a direct publisher run as when they carry none, from
     * {@code clearsky.security.kafka-publishers.<source>}: origin {@code kafka}, the configured groups.
     */
    public Optional<Principal> publisher(String source) {
        if (source == null) {
            return Optional.empty();
        }
        DataPolicyProperties.KafkaPublisher publisher = this.properties.kafkaPublishers().get(source);
        if (publisher == null) {
            publisher = this.properties.kafkaPublishers().entrySet().stream()
                    .filter((entry) -> entry.getKey().equalsIgnoreCase(source)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (publisher == null) {
            return Optional.empty();
        }
        String user = (publisher.user() != null && !publisher.user().isBlank()) ? publisher.user() : "kafka:" + source;
        return Optional.of(Principal.newBuilder().setUser(user).setGroups(List.copyOf(publisher.groups()))
                .setOrigin("kafka").build());
    }
}
