package io.clearsky.gateway.api;

import io.clearsky.gateway.store.StoreReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The collaborators of the chat API that are not controllers.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    RecentQuestions recentQuestions() {
        return new RecentQuestions();
    }

    @Bean
    WebClient instanceClient() {
        return WebClient.create();
    }

    @Bean
    QueryLookup queryLookup(StoreReader reader, RecentQuestions recent, WebClient instanceClient) {
        return new QueryLookup(reader, recent, instanceClient);
    }

    @Bean
    OwnerForwardingFilter ownerForwardingFilter(StoreReader reader, RecentQuestions recent, WebClient instanceClient) {
        return new OwnerForwardingFilter(reader, recent, instanceClient);
    }
}
