package io.clearsky.gateway.api;

import io.clearsky.gateway.security.Callers;
import io.clearsky.gateway.store.QueryView;
import io.clearsky.gateway.store.SessionView;
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
public class QueryLookup {

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

    /**
     * The query's state from whichever instance owns it. A remote owner is asked with the caller's own
     * credential and answers only what the caller may see.
     */
    public Mono<QueryUpdates> anywhere(String queryId) {
        return Mono.defer(() -> this.reader.remoteOwner(StatusTopology.QUERY_STATUS, queryId)
                .map((owner) -> Callers.forwarding().flatMap((credentials) -> this.webClient.get()
                        .uri("http://{host}:{port}/api/chat/updates?query_id={id}", owner.host(), owner.port(), queryId)
                        .headers(credentials)
                        .header(OwnerForwardingFilter.FORWARDED_HEADER, "true")
                        .retrieve()
                        .bodyToMono(QueryUpdates.class)
                        .onErrorResume(WebClientResponseException.class,
                                (ex) -> (ex.getStatusCode() == HttpStatus.NOT_FOUND) ? fromLocal(queryId) : Mono.error(ex))))
                .orElseGet(() -> fromLocal(queryId)));
    }

    /**
     * The user who owns a session, from whichever instance stores it; empty when the session is unknown
     * or, asked of a remote owner with the caller's credential, not the caller's to see.
     */
    Mono<String> sessionOwner(String sessionId) {
        return Mono.defer(() -> this.reader.remoteOwner(StatusTopology.SESSION_HISTORY, sessionId)
                .map((owner) -> Callers.forwarding().flatMap((credentials) -> this.webClient.get()
                        .uri("http://{host}:{port}/api/chat/session/{id}", owner.host(), owner.port(), sessionId)
                        .headers(credentials)
                        .header(OwnerForwardingFilter.FORWARDED_HEADER, "true")
                        .retrieve()
                        .bodyToMono(SessionHistory.class)
                        .map((history) -> ownerName(history.userId()))
                        .onErrorResume(WebClientResponseException.class,
                                (ex) -> (ex.getStatusCode() == HttpStatus.NOT_FOUND) ? localSessionOwner(sessionId) : Mono.error(ex))))
                .orElseGet(() -> localSessionOwner(sessionId)))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
    }

    private Mono<String> localSessionOwner(String sessionId) {
        return Mono.fromCallable(() -> {
            SessionView stored = this.reader.get(StatusTopology.SESSION_HISTORY, sessionId);
            if (stored != null) {
                return ownerName(stored.userId());
            }
            return this.recent.inSession(sessionId).stream().findFirst().map(StatusTopology::userOf).orElse(null);
        });
    }

    private static String ownerName(String userId) {
        return (userId != null && !userId.isBlank()) ? userId : StatusTopology.ANONYMOUS;
    }

    private Mono<QueryUpdates> fromLocal(String queryId) {
        return Mono.justOrEmpty(local(queryId)).map((view) -> QueryUpdates.of(view, -1));
    }
}
