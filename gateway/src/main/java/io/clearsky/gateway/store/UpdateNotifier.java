package io.clearsky.gateway.store;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Tells waiting readers that a query's view changed on this instance. Only the instance that owns a
 * query's partition sees its changes, which is why reads are forwarded to the owner.
 */
public final class UpdateNotifier {

    private final Sinks.Many<QueryView> sink = Sinks.many().multicast().directBestEffort();

    void publish(QueryView view) {
        // Called from the single stream thread of a task; concurrent tasks may race, so retry briefly.
        this.sink.emitNext(view, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(50)));
    }

    /**
     * Changes of one query from now on. They are handed to another thread, so a waiting reader's response
     * (JSON, HTTP) is never written on the stream thread, which has every other query's changes to apply.
     */
    public Flux<QueryView> updates(String queryId) {
        return this.sink.asFlux().filter((view) -> queryId.equals(view.queryId())).publishOn(Schedulers.parallel());
    }
}
