package io.clearsky.gateway.feedback;

import io.clearsky.gateway.store.QueryView;
import io.clearsky.gateway.store.StatusTopology;
import io.clearsky.gateway.store.StoreReader;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds a query's question, status and SQL wherever its state is stored: in this instance's store or in
 * the store of the gateway instance that owns it (asked over its own updates endpoint).
 */
public class AnsweredQueries {

    private static final String FORWARDED_HEADER = "X-ClearSky-Forwarded";

    private final StoreReader reader;

    private final WebClient webClient;

    public AnsweredQueries(StoreReader reader, WebClient webClient) {
        this.reader = reader;
        this.webClient = webClient;
    }

    /**
     * What is known of a query.
     *
     * @param queryId its id
     * @param question the question asked; null when it came with SQL only
     * @param status its status now, e.g. {@code SUCCEEDED}
     * @param sql the SQL its answer ran; null when none
     */
    public record Answered(String queryId, String question, String status, String sql) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(this.status);
        }
    }

    /** The query, or empty when no instance knows it. */
    public Mono<Answered> find(String queryId) {
        return Mono.fromCallable(() -> this.reader.remoteOwner(StatusTopology.QUERY_STATUS, queryId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap((owner) -> owner.map((host) -> remote(host.host(), host.port(), queryId))
                        .orElseGet(() -> local(queryId)));
    }

    private Mono<Answered> local(String queryId) {
        return Mono.fromCallable(() -> {
            QueryView view = this.reader.get(StatusTopology.QUERY_STATUS, queryId);
            return (view != null && view.queryId() != null) ? new Answered(view.queryId(), view.question(),
                    view.status(), (view.answer() != null) ? view.answer().sql() : null) : null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @SuppressWarnings("unchecked")
    private Mono<Answered> remote(String host, int port, String queryId) {
        return this.webClient.get().uri("http://{host}:{port}/api/chat/updates?query_id={id}", host, port, queryId)
                .header(FORWARDED_HEADER, "true").retrieve().bodyToMono(Map.class)
                .map((state) -> {
                    Map<String, Object> answer = (Map<String, Object>) state.get("answer");
                    return new Answered(queryId, (String) state.get("question"), (String) state.get("status"),
                            (answer != null) ? (String) answer.get("sql") : null);
                })
                .onErrorResume(WebClientResponseException.class,
                        (ex) -> (ex.getStatusCode() == HttpStatus.NOT_FOUND) ? Mono.empty() : Mono.error(ex));
    }
}
