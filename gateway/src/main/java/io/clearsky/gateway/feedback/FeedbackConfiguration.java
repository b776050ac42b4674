package io.clearsky.gateway.feedback;

import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The acknowledged sends that feedback and promotions share.
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackConfiguration {

    @Bean
    FeedbackController.KafkaSends kafkaSends(@Qualifier("gatewayProducer") Producer<String, byte[]> gatewayProducer) {
        return new FeedbackController.KafkaSends(gatewayProducer);
    }
}
