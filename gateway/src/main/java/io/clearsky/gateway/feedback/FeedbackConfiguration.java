package io.clearsky.gateway.feedback;

import io.clearsky.gateway.store.StoreReader;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The lookup of answered queries and the durable sends that feedback and promotions share.
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackConfiguration {

    @Bean
    AnsweredQueries answeredQueries(StoreReader reader, @Qualifier("instanceClient") WebClient instanceClient) {
        return new AnsweredQueries(reader, instanceClient);
    }

    @Bean
    FeedbackController.KafkaSends kafkaSends(@Qualifier("gatewayProducer") Producer<String, byte[]> gatewayProducer) {
        return new FeedbackController.KafkaSends(gatewayProducer);
    }
}
