package io.clearsky.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS examples: a least-privilege policy naming exactly the calls the code makes, and ECS task
 * definitions carrying the original environment.
 */
class AwsExamplesTest {

    private static final Path AWS = Path.of("../deploy/aws");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void thePolicyAllowsExactlyTheCallsTheCodeMakes() {
        JsonNode policy = JSON.readTree(AWS.resolve("iam-policy.json").toFile());
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
            assertThat(statement.get("Resource").toString()).doesNotContain("\"*\"");
            statement.get("Action").forEach((action) -> actions.add(action.asString()));
        }
        // S3: configuration objects (S3ConfigSource), HeadBucket (ResultsBucketCheck), CopyObject/PutObject
        // and presigned GETs of full results (ResultStore). Athena: the engine and the catalog
        // (AthenaEngine, AthenaCatalog, AthenaCheck); Glue and the lake bucket are read by Athena on the caller's behalf.
        // Bedrock: Converse and ConverseStream (BedrockSqlGenerator).
        assertThat(actions).containsExactly("athena:GetQueryExecution", "athena:GetQueryResults",
                "athena:GetQueryRuntimeStatistics", "athena:GetTableMetadata", "athena:GetWorkGroup", "athena:ListDatabases",
                "athena:ListTableMetadata", "athena:StartQueryExecution", "athena:StopQueryExecution",
                "bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream",
                "glue:GetDatabase", "glue:GetDatabases", "glue:GetPartition", "glue:GetPartitions", "glue:GetTable",
                "glue:GetTables", "s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject",
                "s3:ListBucket", "s3:ListMultipartUploadParts", "s3:PutObject");
        assertThat(policy.get("Version").asString()).isEqualTo("2012-10-17");
    }

    @ParameterizedTest
    @CsvSource({ "gateway, 8000", "worker, 8081" })
    void taskDefinitionsCarryTheOriginalEnvironmentAndAHealthCheck(String role, int port) {
        JsonNode task = JSON.readTree(AWS.resolve("ecs-task-" + role + ".json").toFile());
        JsonNode container = task.get("containerDefinitions").get(0);
        Map<String, String> environment = new HashMap<>();
        container.get("environment").forEach((variable) -> environment.put(variable.get("name").asString(),
                variable.get("value").asString()));

        assertThat(task.get("requiresCompatibilities").toString()).contains("FARGATE");
        assertThat(task.get("taskRoleArn").asString()).startsWith("arn:aws:iam::");
        assertThat(container.at("/portMappings/0/containerPort").asInt()).isEqualTo(port);
        assertThat(container.at("/healthCheck/command").toString()).contains(":" + port + "/actuator/health/readiness");
        assertThat(environment).containsKeys("CONFIG_BUCKET", "CHATBOT_CONFIG_KEY", "VECTORSTORE_CONFIG_KEY",
                "AWS_REGION", "LOG_LEVEL", "JSON_LOGS", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(container.get("user").asString()).isEqualTo("10001:10001");
    }
}
