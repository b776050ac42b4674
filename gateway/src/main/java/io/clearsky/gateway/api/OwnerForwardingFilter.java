package io.clearsky.gateway.api;

import io.clearsky.gateway.security.Callers;
import io.clearsky.gateway.security.Caller;
import io.clearsky.gateway.store.StatusTopology;
import io.clearsky.gateway.store.StoreReader;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends a read for a key that another gateway instance owns to that instance and relays its response,
 * streams included. A forwarded request is marked so it is never forwarded again; the mark asserts
 * nothing about identity. The forwarded request carries the caller's own credential (bearer token or
 * API key), which the owner verifies again, and no identity header of the incoming request.
 */
class OwnerForwardingFilter implements WebFilter {

    static final String FORWARDED_HEADER = "X-ClearSky-Forwarded";

    private static final String SESSION_PREFIX = "/api/chat/session/";

    private final StoreReader reader;

    private final RecentQuestions recent;

    private final WebClient webClient;

    OwnerForwardingFilter(StoreReader reader, RecentQuestions recent, WebClient webClient) {
        this.reader = reader;
        this.recent = recent;
        this.webClient = webClient;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().containsHeader(FORWARDED_HEADER) || !"GET".equals(request.getMethod().name())) {
            return chain.filter(exchange);
        }
        return Callers.current().flatMap((caller) -> route(exchange, chain, caller).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true))).then();
    }

    private Mono<Void> route(ServerWebExchange exchange, WebFilterChain chain, Caller caller) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<HostInfo> owner;
        String queryId = null;
        String path = request.getPath().value();
        try {
            if (path.equals("/api/chat/updates") && (queryId = request.getQueryParams().getFirst("query_id")) != null) {
                owner = this.reader.remoteOwner(StatusTopology.QUERY_STATUS, queryId);
            }
            else if (path.startsWith(SESSION_PREFIX) && path.length() > SESSION_PREFIX.length()) {
                owner = this.reader.remoteOwner(StatusTopology.SESSION_HISTORY, path.substring(SESSION_PREFIX.length()));
            }
            else if (path.equals("/api/chat/history")) {
                String session = request.getQueryParams().getFirst("session_id");
                owner = (session != null) ? this.reader.remoteOwner(StatusTopology.SESSION_HISTORY, session)
                        : this.reader.remoteOwner(StatusTopology.USER_SESSIONS, caller.user());
            }
            else {
                return chain.filter(exchange);
            }
        }
        catch (RuntimeException ex) {
            // Ownership unknown (stores not ready): let the handler answer with the proper problem.
            return chain.filter(exchange);
        }
        if (owner.isEmpty()) {
            return chain.filter(exchange);
        }
        boolean acceptedHere = queryId != null && this.recent.find(queryId).isPresent();
        return relay(owner.get(), exchange, chain, acceptedHere);
    }

    private Mono<Void> relay(HostInfo owner, ServerWebExchange exchange, WebFilterChain chain, boolean acceptedHere) {
        ServerHttpRequest request = exchange.getRequest();
        String uri = "http://" + owner.host() + ":" + owner.port() + request.getURI().getRawPath()
                + ((request.getURI().getRawQuery() != null) ? "?" + request.getURI().getRawQuery() : "");
        return Callers.forwarding().flatMap((credentials) -> this.webClient.get().uri(uri).headers((headers) -> {
            headers.addAll(request.getHeaders());
            headers.remove(HttpHeaders.HOST);
            credentials.accept(headers);
            headers.set(FORWARDED_HEADER, "true");
        }).exchangeToMono((response) -> {
            if (acceptedHere && response.statusCode() == HttpStatus.NOT_FOUND) {
                // The owner has not seen the question yet; this instance accepted it and answers QUEUED.
                return response.releaseBody().then(chain.filter(exchange));
            }
            exchange.getResponse().setStatusCode(response.statusCode());
            exchange.getResponse().getHeaders().addAll(response.headers().asHttpHeaders());
            return exchange.getResponse().writeAndFlushWith(response.bodyToFlux(DataBuffer.class).map(Mono::just));
        }));
    }
}
