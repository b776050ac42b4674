package io.clearsky.gateway.api;

import io.clearsky.gateway.store.QueryView;
import io.clearsky.gateway.store.StatusTopology;
import io.clearsky.gateway.store.StoreReader;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Finds a query's state wherever it is stored: in this instance's store, in the store of the
 * instance that owns it, or among the questions this instance just accepted.
 */
class QueryLookup {

    private final StoreReader reader;

    private final RecentQuestions recent;

    private final WebClient webClient;

    QueryLookup(StoreReader reader, RecentQuestions recent, WebClient webClient) {
        this.reader = reader;
        this.recent = recent;
        this.webClient = webClient;
    }

    /** The view in this instance's store, else one just accepted here. */
    Optional<QueryView> local(String queryId) {
        QueryView stored = this.reader.get(StatusTopology.QUERY_STATUS, queryId);
        return (stored != null) ? Optional.of(stored) : this.recent.find(queryId);
    }

    /** The query's state from whichever instance owns it. */
    Mono<QueryUpdates> anywhere(String queryId) {
        return Mono.defer(() -> this.reader.remoteOwner(StatusTopology.QUERY_STATUS, queryId)
                .map((owner) -> this.webClient.get()
                        .uri("http://{host}:{port}/api/chat/updates?query_id={id}", owner.host(), owner.port(), queryId)
                        .header(OwnerForwardingFilter.FORWARDED_HEADER, "true")
                        .retrieve()
                        .bodyToMono(QueryUpdates.class)
                        .onErrorResume(WebClientResponseException.class,
                                (ex) -> (ex.getStatusCode() == HttpStatus.NOT_FOUND) ? fromLocal(queryId) : Mono.error(ex)))
                .orElseGet(() -> fromLocal(queryId)));
    }

    private Mono<QueryUpdates> fromLocal(String queryId) {
        return Mono.justOrEmpty(local(queryId)).map((view) -> QueryUpdates.of(view, -1));
    }
}
