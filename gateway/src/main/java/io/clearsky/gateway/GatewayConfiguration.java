package io.clearsky.gateway;

import io.clearsky.core.kafka.DurableProducers;
import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.gateway.intake.QuestionPublisher;
import io.clearsky.gateway.store.StatusTopology;
import io.clearsky.gateway.store.StoreReader;
import io.clearsky.gateway.store.UpdateNotifier;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.Map;
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
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * The gateway's beans: the question publisher, the Kafka Streams stores and the HTTP API.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(GatewayProperties.class)
@PropertySource("classpath:clearsky/gateway-defaults.properties")
@ComponentScan(basePackages = { "io.clearsky.gateway.api", "io.clearsky.gateway.schema", "io.clearsky.gateway.docs" })
public class GatewayConfiguration {

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
    QuestionPublisher questionPublisher(Producer<String, byte[]> gatewayProducer, TopicProperties topics) {
        return new QuestionPublisher(gatewayProducer, topics);
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
    KTable<String, QueryView> queryStatusTable(StreamsBuilder builder, TopicProperties topics, UpdateNotifier notifier) {
        return StatusTopology.build(builder, topics, notifier);
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

    @Bean
    OpenAPI clearskyOpenApi() {
        return new OpenAPI().info(new Info().title("ClearSky API").version("0.1.0")
                .description("Ask questions of the data lake in plain English. Questions are answered "
                        + "asynchronously: POST returns a query id at once; follow it with updates (poll, "
                        + "long-poll or SSE). Errors are RFC 9457 problem details."));
    }
}
