package io.clearsky.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.aws.AthenaStub;
import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.aws.AwsProperties;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.config.ClearSkyConfig;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.config.VectorStoreConfig;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.core.lake.DuckDbLake;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;

/**
 * The Athena health check through the SDK against the wire-level Athena stub.
 */
class AthenaCheckIT {

    @Test
    void anEnabledWorkgroupIsUpAndADisabledOneDown() throws Exception {
        Path file = Files.createTempDirectory("clearsky-athena-check").resolve("lake.duckdb");
        DemoLake.createIfMissing(file, 10);
        MockEnvironment credentials = new MockEnvironment().withProperty("AWS_ACCESS_KEY_ID", "test")
                .withProperty("AWS_SECRET_ACCESS_KEY", "test");
        ChatbotConfig chatbot = new ChatbotConfig(null, new ChatbotConfig.Athena("analysts", "main", null, null, null), null,
                null, null, null);
        LiveConfig live = new LiveConfig(new ClearSkyConfig(chatbot,
                new VectorStoreConfig(null, null, null, null, null, null)));
        try (DuckDbLake lake = DuckDbLake.open(file, "main"); AthenaStub stub = AthenaStub.start(lake, null);
                AthenaAsyncClient athena = new AwsClients(new AwsProperties("us-east-1", null, stub.endpoint(), null),
                        credentials).athena()) {
            AthenaCheck check = new AthenaCheck(athena, live);

            assertThat(check.check()).isEqualTo(CheckResult.up("workgroup analysts enabled; database main"));

            stub.disableWorkGroup("analysts");
            assertThat(check.check()).isEqualTo(CheckResult.down("workgroup analysts is DISABLED"));
        }
    }
}
