package io.clearsky.core.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Titan embeddings through the SDK's InvokeModel against a WireMock Bedrock Runtime.
 */
class TitanEmbeddingsIT {

    private static final String PATH = "/model/amazon.titan-embed-text-v2%3A0/invoke";

    private WireMockServer server;

    private BedrockRuntimeClient client;

    @BeforeEach
    void start() {
        this.server = new WireMockServer(options().dynamicPort());
        this.server.start();
        this.client = BedrockRuntimeClient.builder().endpointOverride(java.net.URI.create("http://localhost:" + this.server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build();
    }

    @AfterEach
    void stop() {
        this.client.close();
        this.server.stop();
    }

    @Test
    void asksForNormalizedVectorsOfTheConfiguredDimensionAndReturnsThem() {
        String values = IntStream.range(0, 256).mapToObj((i) -> (i == 0) ? "3.0" : (i == 1) ? "4.0" : "0")
                .collect(Collectors.joining(","));
        this.server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"embedding\": [" + values + "], \"inputTextTokenCount\": 6}")));
        TitanEmbeddings titan = new TitanEmbeddings(this.client, "amazon.titan-embed-text-v2:0", 256);

        float[] vector = titan.embed("Customer orders, one row per order");

        assertThat(vector).hasSize(256);
        assertThat(vector[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(vector[1]).isCloseTo(0.8f, within(1e-6f));
        var request = this.server.findAll(postRequestedFor(urlEqualTo(PATH))).getFirst();
        assertThat(request.getHeader("Authorization")).contains("/us-east-1/bedrock/aws4_request");
        JsonNode body = JsonMapper.builder().build().readTree(request.getBodyAsString());
        assertThat(body.get("inputText").asString()).isEqualTo("Customer orders, one row per order");
        assertThat(body.get("dimensions").asInt()).isEqualTo(256);
        assertThat(body.get("normalize").asBoolean()).isTrue();
    }

    @Test
    void aVectorOfTheWrongSizeIsRefused() {
        this.server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"embedding\": [1, 0]}")));

        assertThatIllegalStateException().isThrownBy(() -> new TitanEmbeddings(this.client, "amazon.titan-embed-text-v2:0", 1024)
                .embed("x")).withMessageContaining("no 1024-dimension embedding");
    }
}
