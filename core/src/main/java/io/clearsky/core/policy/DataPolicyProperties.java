package io.clearsky.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Data access policies per group ({@code clearsky.security.*}). With no policy configured every principal
 * reads what the global guard lists allow ({@code clearsky.guard.*}), exactly as before policies existed;
 * once one policy is configured, a principal reads only what the policies of its groups grant, within
 * those global lists. Group names are matched ignoring case. Invalid settings fail at start-up with a
 * message naming the property.
 *
 * @param policies what each group may read, by group name
 * @param defaultGroups groups whose policies apply to a principal none of whose own groups has a policy;
 * empty (the default) means such a principal may read nothing
 * @param kafkaPublishers principals given to questions published onto the questions topic without one, by
 * the record's {@code source}; a question without principal from any other source is refused while
 * policies are configured
 */
@ConfigurationProperties("clearsky.security")
public record DataPolicyProperties(Map<String, Policy> policies, List<String> defaultGroups,
        Map<String, KafkaPublisher> kafkaPublishers) {

    static final String PREFIX = "clearsky.security.";

    public DataPolicyProperties {
        policies = lowerKeys(policies);
        defaultGroups = lower(defaultGroups);
        kafkaPublishers = (kafkaPublishers != null) ? Map.copyOf(kafkaPublishers) : Map.of();
        policies.forEach((group, policy) -> policy.validate(PREFIX + "policies." + group));
        checkGroupsExist(policies, defaultGroups, PREFIX + "default-groups");
        for (Map.Entry<String, KafkaPublisher> publisher : kafkaPublishers.entrySet()) {
            checkGroupsExist(policies, publisher.getValue().groups(),
                    PREFIX + "kafka-publishers." + publisher.getKey() + ".groups");
        }
    }

    /** No policies: every principal reads what the global guard lists allow. */
    public static DataPolicyProperties none() {
        return new DataPolicyProperties(null, null, null);
    }

    private static void checkGroupsExist(Map<String, Policy> policies, List<String> groups, String field) {
        if (policies.isEmpty()) {
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            if (!policies.containsKey(groups.get(i))) {
                throw new IllegalArgumentException(field + "[" + i + "]: group '" + groups.get(i)
                        + "' has no policy under " + PREFIX + "policies; configured groups: " + policies.keySet());
            }
        }
    }

    /**
     * What one group may read. Entries name {@code table} or {@code database.table}, columns
     * {@code table.column} or {@code database.table.column}; a name without database means the table of
     * that name in every database of the policy.
     *
     * @param databases databases the group may read; {@code *} for every database the guard allows
     * @param tables when not empty, the only tables the group may read
     * @param deniedTables tables the group may not read
     * @param columns when a table has entries here, the only columns of that table the group may read;
     * a table without entries shows all its columns
     * @param deniedColumns columns the group may not read; {@code SELECT *} over such a table is refused
     */
    public record Policy(List<String> databases, List<String> tables, List<String> deniedTables, List<String> columns,
            List<String> deniedColumns) {

        public Policy {
            databases = lower(databases);
            tables = lower(tables);
            deniedTables = lower(deniedTables);
            columns = lower(columns);
            deniedColumns = lower(deniedColumns);
        }

        void validate(String field) {
            if (this.databases.isEmpty()) {
                throw new IllegalArgumentException(field + ".databases must name at least one database (or *)");
            }
            names(this.tables, field + ".tables", 1);
            names(this.deniedTables, field + ".denied-tables", 1);
            names(this.columns, field + ".columns", 2);
            names(this.deniedColumns, field + ".denied-columns", 2);
        }

        /** The entries of {@code list} as names, each checked to be a well-formed name inside {@link #databases}. */
        List<ObjectName> names(List<String> list, String field, int parts) {
            List<ObjectName> names = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String entry = list.get(i);
                String at = field + "[" + i + "]";
                ObjectName name = ObjectName.parse(entry, parts).orElseThrow(() -> new IllegalArgumentException(
                        at + ": '" + entry + "' is not " + ObjectName.form(parts)));
                if (name.database() != null && !this.databases.contains("*") && !this.databases.contains(name.database())) {
                    throw new IllegalArgumentException(at + ": '" + entry + "' names database "
                            + name.database() + ", which is not among its policy's databases " + this.databases);
                }
                names.add(name);
            }
            return names;
        }
    }

    /**
     * The principal a direct publisher's questions run as when they carry none.
     *
     * @param user the principal's user name; {@code kafka:<source>} when not set
     * @param groups the principal's groups
     */
    public record KafkaPublisher(String user, List<String> groups) {

        public KafkaPublisher {
            groups = lower(groups);
        }
    }

    static List<String> lower(List<String> names) {
        return (names != null) ? names.stream().map(String::strip).filter((name) -> !name.isEmpty())
                .map((name) -> name.toLowerCase(Locale.ROOT)).distinct().collect(Collectors.toUnmodifiableList())
                : List.of();
    }

    private static Map<String, Policy> lowerKeys(Map<String, Policy> policies) {
        Map<String, Policy> lowered = new LinkedHashMap<>();
        if (policies != null) {
            policies.forEach((group, policy) -> lowered.put(group.strip().toLowerCase(Locale.ROOT),
                    (policy != null) ? policy : new Policy(null, null, null, null, null)));
        }
        return Map.copyOf(lowered);
    }
}
