package io.clearsky.gateway;

import io.clearsky.core.kafka.DurableProducers;
import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.gateway.intake.QuestionPublisher;
import io.clearsky.schemas.ContractSerdes;
import io.clearsky.gateway.store.StatusTopology;
import io.clearsky.gateway.store.StoreReader;
import io.clearsky.gateway.store.UpdateNotifier;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.clearsky.core.config.ConfigLoader;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.gateway.health.ComponentCheck;
import io.clearsky.gateway.health.ConfigSourceCheck;
import io.clearsky.gateway.health.AthenaCheck;
import io.clearsky.gateway.health.DisabledCheck;
import io.clearsky.gateway.health.HealthReport;
import io.clearsky.gateway.health.HealthReporter;
import io.clearsky.gateway.health.KafkaCheck;
import io.clearsky.gateway.health.ResultsBucketCheck;
import io.clearsky.gateway.health.StoresCheck;
import io.clearsky.gateway.health.VectorStoreCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KTable;
import io.clearsky.gateway.store.QueryView;
import org.springframework.context.annotation.PropertySource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import io.clearsky.gateway.security.SecurityConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * The gateway's beans: the question publisher, the Kafka Streams stores, the HTTP API and its sign-in
 * and access rules ({@link SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(GatewayProperties.class)
@PropertySource("classpath:clearsky/gateway-defaults.properties")
@Import(SecurityConfiguration.class)
@ComponentScan(basePackages = { "io.clearsky.gateway.api", "io.clearsky.gateway.schema", "io.clearsky.gateway.docs",
        "io.clearsky.gateway.semantic", "io.clearsky.gateway.feedback" })
public class GatewayConfiguration {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> gatewayProducer(KafkaProperties kafka) {
        Map<String, Object> properties = kafka.buildProducerProperties();
        // send() must not stall the event loop for long when brokers are gone.
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        properties.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return DurableProducers.create(properties, "clearsky-gateway");
    }

    @Bean
    QuestionPublisher questionPublisher(Producer<String, byte[]> gatewayProducer, TopicProperties topics,
            ContractSerdes serdes) {
        // In registry mode a schema the registry rejects stops the gateway here.
        serdes.registerAtStartup(topics.questions(), null, null);
        return new QuestionPublisher(gatewayProducer, topics, serdes.questions().serializer());
    }

    @Bean(destroyMethod = "close")
    Admin gatewayAdmin(KafkaProperties kafka) {
        return Admin.create(kafka.buildAdminProperties());
    }

    @Bean
    UpdateNotifier updateNotifier() {
        return new UpdateNotifier();
    }

    @Bean
    KTable<String, QueryView> queryStatusTable(StreamsBuilder builder, TopicProperties topics, UpdateNotifier notifier,
            ContractSerdes serdes) {
        return StatusTopology.build(builder, topics, notifier, serdes);
    }

    /**
     * A gateway that stops for good (scale-down) hands its stores over at once instead of after its
     * session timeout; with static membership this removes the member from the group on close.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return (factory) -> factory.setLeaveGroupOnClose(true);
    }

    @Bean
    KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean streams) {
        return new KafkaStreamsInteractiveQueryService(streams);
    }

    @Bean
    StoreReader storeReader(KafkaStreamsInteractiveQueryService interactiveQueries) {
        return new StoreReader(interactiveQueries);
    }

    @Bean(destroyMethod = "close")
    HealthReporter healthReporter(Admin gatewayAdmin, StreamsBuilderFactoryBean streams, ConfigLoader configLoader,
            LiveConfig liveConfig, S3Client s3Client, ObjectProvider<DuckDbLake> localLake,
            ObjectProvider<AthenaAsyncClient> athena, Environment environment) {
        List<ComponentCheck> checks = new ArrayList<>(List.of(new KafkaCheck(gatewayAdmin, CHECK_TIMEOUT),
                new StoresCheck(streams), new ConfigSourceCheck(configLoader, liveConfig),
                new VectorStoreCheck(liveConfig, CHECK_TIMEOUT), new ResultsBucketCheck(s3Client, liveConfig)));
        AthenaAsyncClient athenaClient = athena.getIfAvailable();
        if (athenaClient != null) {
            checks.add(new AthenaCheck(athenaClient, liveConfig));
        }
        else if (localLake.getIfAvailable() != null) {
            checks.add(new DisabledCheck("athena", "local mode: queries run on the DuckDB lake"));
        }
        if ("offline".equals(environment.getProperty("clearsky.generation.generator", "offline"))) {
            checks.add(new DisabledCheck("bedrock", "SQL is written by the offline generator"));
        }
        return new HealthReporter(checks, Duration.ofSeconds(5), CHECK_TIMEOUT.plusSeconds(1));
    }

    /** Kubernetes readiness follows the essential components: Kafka and the state stores. */
    @Bean
    HealthIndicator clearsky(HealthReporter healthReporter) {
        return () -> {
            HealthReport report = healthReporter.report();
            return (report.down() ? Health.down() : Health.up()).withDetail("status", report.status()).build();
        };
    }

    @Bean
    OpenAPI clearskyOpenApi() {
        return new OpenAPI().info(new Info().title("ClearSky API").version("0.1.0")
                .description("Ask questions of the data lake in plain English. Questions are answered "
                        + "asynchronously: POST returns a query id at once; follow it with updates (poll, "
                        + "long-poll or SSE). Errors are RFC 9457 problem details."));
    }
}
