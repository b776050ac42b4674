package io.clearsky.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.clearsky.schemas.Topics;
import io.clearsky.worker.config.WorkerProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart, linted and rendered in process with helm-java, checked object by object against the
 * application's own defaults.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("../helm/clearsky");

    private final Helm helm = new Helm(CHART);

    @Test
    void theChartLintsCleanly() {
        LintResult lint = this.helm.lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultValuesRenderAGatewayStatefulSetAndCpuScaledWorkersWithoutKeda() {
        List<Map<String, Object>> objects = render(this.helm.template().withName("clearsky"));

        assertThat(objects).extracting((o) -> o.get("kind")).containsExactlyInAnyOrder("ServiceAccount", "Service",
                "Service", "StatefulSet", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "PodDisruptionBudget");
        Map<String, Object> statefulSet = one(objects, "StatefulSet");
        Map<String, Object> headless = objects.stream().filter((o) -> "Service".equals(o.get("kind")))
                .filter((o) -> "None".equals(get(o, "spec.clusterIP"))).findFirst().orElseThrow();
        assertThat(get(statefulSet, "spec.serviceName")).isEqualTo(get(headless, "metadata.name"));
        assertThat(get(one(objects, "Deployment"), "spec.replicas")).as("replicas left to the autoscaler").isNull();
    }

    @Test
    void podsProbeActuatorRunAsNonRootAndCarryTheOriginalEnvironment() {
        List<Map<String, Object>> objects = render(this.helm.template().withName("clearsky").withNamespace("analytics"));

        for (String kind : List.of("StatefulSet", "Deployment")) {
            Map<String, Object> pod = (Map<String, Object>) get(one(objects, kind), "spec.template.spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertThat(get(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            assertThat(get(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
            assertThat(get(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(get(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(get(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat(env(container)).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "CHATBOT_CONFIG_KEY",
                    "VECTORSTORE_CONFIG_KEY", "AWS_REGION", "LOG_LEVEL", "JSON_LOGS");
        }
        Map<String, Object> worker = one(objects, "Deployment");
        assertThat((Integer) get(worker, "spec.template.spec.terminationGracePeriodSeconds"))
                .as("in-flight queries may finish").isGreaterThan(300);
        Map<String, String> workerEnv = env(((List<Map<String, Object>>) get(worker, "spec.template.spec.containers")).get(0));
        assertThat(workerEnv).containsEntry("CLEARSKY_WORKER_GROUP_ID", defaultGroup())
                .containsEntry("CLEARSKY_TOPICS_QUESTIONS", Topics.QUESTIONS);
        Map<String, String> gatewayEnv = env(((List<Map<String, Object>>) get(one(objects, "StatefulSet"),
                "spec.template.spec.containers")).get(0));
        assertThat(gatewayEnv.get("CLEARSKY_GATEWAY_ADVERTISED_HOST"))
                .isEqualTo("$(POD_NAME).clearsky-gateway-headless.analytics.svc.cluster.local");
    }

    @Test
    void productionValuesScaleWorkersOnTheQuestionsTopicLagOfTheWorkersGroup() {
        List<Map<String, Object>> objects = render(this.helm.template().withName("clearsky")
                .withValuesFile(CHART.resolve("values-production.yaml")));

        Map<String, Object> scaled = one(objects, "ScaledObject");
        Map<String, Object> trigger = ((List<Map<String, Object>>) get(scaled, "spec.triggers")).get(0);
        assertThat(trigger.get("type")).isEqualTo("kafka");
        assertThat(get(trigger, "metadata.topic")).isEqualTo(Topics.QUESTIONS);
        assertThat(get(trigger, "metadata.consumerGroup")).isEqualTo(defaultGroup());
        assertThat(get(scaled, "spec.scaleTargetRef.name")).isEqualTo(get(one(objects, "Deployment"), "metadata.name"));
        assertThat((Integer) get(scaled, "spec.maxReplicaCount")).isLessThanOrEqualTo(12);
        assertThat(objects).extracting((o) -> o.get("kind")).doesNotContain("HorizontalPodAutoscaler")
                .contains("Ingress");
        assertThat(get(one(objects, "ServiceAccount"), "metadata.annotations"))
                .isEqualTo(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/clearsky"));
        Map<String, Object> gateway = ((List<Map<String, Object>>) get(one(objects, "StatefulSet"),
                "spec.template.spec.containers")).get(0);
        assertThat(env(gateway)).containsEntry("CONFIG_BUCKET", "acme-clearsky-config")
                .containsEntry("CORS_ORIGINS", "https://data.acme.example")
                .containsEntry("CLEARSKY_LAKE_ENGINE", "athena")
                .containsEntry("CLEARSKY_GENERATION_GENERATOR", "bedrock")
                .doesNotContainKey("CLEARSKY_LAKE_DUCKDB_PATH");
    }

    @Test
    void scramGivesEachComponentItsOwnKafkaPrincipalFromItsSecret() {
        List<Map<String, Object>> objects = render(this.helm.template().withName("clearsky")
                .set("kafka.security.mode", "scram").set("kafka.security.gatewaySecret", "kafka-gateway")
                .set("kafka.security.workerSecret", "kafka-worker").set("kafka.security.truststoreSecret", "kafka-ca"));

        for (Map.Entry<String, String> component : Map.of("StatefulSet", "kafka-gateway", "Deployment", "kafka-worker").entrySet()) {
            Map<String, Object> pod = (Map<String, Object>) get(one(objects, component.getKey()), "spec.template.spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            Map<String, String> env = env(container);
            assertThat(env).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION",
                            "/etc/clearsky/kafka/truststore/truststore.p12");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).startsWith(
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$(KAFKA_SASL_USERNAME)\"");
            assertThat(secretRefs(container)).containsEntry("KAFKA_SASL_USERNAME", component.getValue() + "/username")
                    .containsEntry("KAFKA_SASL_PASSWORD", component.getValue() + "/password")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_PASSWORD", "kafka-ca/truststore-password");
            assertThat(List.copyOf(env.keySet())).as("variables are defined before they are referenced")
                    .containsSubsequence("KAFKA_SASL_PASSWORD", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            assertThat((List<Map<String, Object>>) pod.get("volumes")).extracting((v) -> v.get("name")).contains("kafka-truststore");
        }
    }

    @Test
    void mutualTlsMountsEachComponentsKeystore() {
        List<Map<String, Object>> objects = render(this.helm.template().withName("clearsky")
                .set("kafka.security.mode", "mtls").set("kafka.security.gatewaySecret", "kafka-gateway")
                .set("kafka.security.workerSecret", "kafka-worker"));

        Map<String, Object> pod = (Map<String, Object>) get(one(objects, "Deployment"), "spec.template.spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertThat(env(container)).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_LOCATION", "/etc/clearsky/kafka/keystore/keystore.p12")
                .doesNotContainKey("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION");
        assertThat(secretRefs(container)).containsEntry("SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_PASSWORD",
                "kafka-worker/keystore-password");
        assertThat((List<Map<String, Object>>) pod.get("volumes")).filteredOn((v) -> "kafka-keystore".equals(v.get("name")))
                .singleElement().satisfies((volume) -> assertThat(get(volume, "secret.secretName")).isEqualTo("kafka-worker"));
        assertThat((List<Map<String, Object>>) container.get("volumeMounts")).extracting((m) -> m.get("mountPath"))
                .contains("/etc/clearsky/kafka/keystore");
    }

    @Test
    void productionValuesSignInToMskWithTheIamRoleAndSoDoesKeda() {
        List<Map<String, Object>> objects = render(this.helm.template().withName("clearsky")
                .withValuesFile(CHART.resolve("values-production.yaml")));

        for (String kind : List.of("StatefulSet", "Deployment")) {
            Map<String, Object> container = ((List<Map<String, Object>>) get(one(objects, kind),
                    "spec.template.spec.containers")).get(0);
            assertThat(env(container)).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "AWS_MSK_IAM")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_CLIENT_CALLBACK_HANDLER_CLASS",
                            "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        }
        Map<String, Object> trigger = ((List<Map<String, Object>>) get(one(objects, "ScaledObject"), "spec.triggers")).get(0);
        assertThat(get(trigger, "authenticationRef.name")).isEqualTo("clearsky-msk-iam");
    }

    @Test
    void defaultValuesConnectWithoutKafkaSecurity() {
        List<Map<String, Object>> objects = render(this.helm.template().withName("clearsky"));

        Map<String, Object> container = ((List<Map<String, Object>>) get(one(objects, "Deployment"),
                "spec.template.spec.containers")).get(0);
        assertThat(env(container).keySet()).noneMatch((name) -> name.startsWith("SPRING_KAFKA_SECURITY")
                || name.startsWith("SPRING_KAFKA_PROPERTIES_") || name.startsWith("KAFKA_SASL"));
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatException().isThrownBy(() -> this.helm.template().withName("clearsky")
                .set("kafka.security.mode", "kerberos").call()).withMessageContaining("mode");
        assertThatException().isThrownBy(() -> this.helm.template().withName("clearsky")
                .set("kafka.security.mode", "scram").set("kafka.security.workerSecret", "kafka-worker").call())
                .withMessageContaining("gatewaySecret");
        assertThatException().isThrownBy(() -> this.helm.template().withName("clearsky")
                .set("worker.autoscaling.mode", "sometimes").call()).withMessageContaining("mode");
        assertThatException().isThrownBy(() -> this.helm.template().withName("clearsky")
                .set("gateway.replicas", 0).call()).withMessageContaining("replicas");
        assertThatException().isThrownBy(() -> this.helm.template().withName("clearsky")
                .set("config.awsRegion", "Oregon").call()).withMessageContaining("awsRegion");
        assertThatException().isThrownBy(() -> this.helm.template().withName("clearsky")
                .set("worker.autoscaling.maxReplicas", 7).call()).withMessageContaining("partitions");
    }

    @Test
    void schemaRegistrySettingsReachBothComponentsWithCredentialsFromTheirSecret() {
        List<Map<String, Object>> objects = render(this.helm.template().withName("clearsky")
                .set("kafka.schemaRegistry.url", "https://registry.example.com")
                .set("kafka.schemaRegistry.credentialsSecret", "registry-credentials"));

        for (String kind : List.of("StatefulSet", "Deployment")) {
            Map<String, Object> container = ((List<Map<String, Object>>) get(one(objects, kind),
                    "spec.template.spec.containers")).get(0);
            assertThat(env(container)).containsEntry("CLEARSKY_SCHEMA_REGISTRY_URL", "https://registry.example.com")
                    .containsEntry("CLEARSKY_SCHEMA_REGISTRY_SUBJECT_NAMING", "TOPIC_NAME");
            assertThat(secretRefs(container))
                    .containsEntry("CLEARSKY_SCHEMA_REGISTRY_USERNAME", "registry-credentials/username")
                    .containsEntry("CLEARSKY_SCHEMA_REGISTRY_PASSWORD", "registry-credentials/password");
        }
        assertThatException().isThrownBy(() -> this.helm.template().withName("clearsky")
                .set("kafka.schemaRegistry.subjectNaming", "BY_MOOD").call()).withMessageContaining("subjectNaming");
    }

    private static String defaultGroup() {
        return new WorkerProperties(null, null, null, null, null, null, null).groupId();
    }

    private static List<Map<String, Object>> render(com.marcnuri.helm.TemplateCommand command) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(command.call())) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    private static Map<String, Object> one(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found = objects.stream().filter((o) -> kind.equals(o.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Object get(Map<String, Object> object, String path) {
        Object current = object;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    /** The variables that come from a Secret, as {@code secret/key}. */
    private static Map<String, String> secretRefs(Map<String, Object> container) {
        Map<String, String> refs = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
            Object name = get(variable, "valueFrom.secretKeyRef.name");
            if (name != null) {
                refs.put((String) variable.get("name"), name + "/" + get(variable, "valueFrom.secretKeyRef.key"));
            }
        }
        return refs;
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
            env.put((String) variable.get("name"), Objects.toString(variable.get("value"), null));
        }
        return env;
    }
}
