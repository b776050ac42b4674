package io.clearsky.gateway.store;

import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Reads the gateway's stores through interactive queries and says which instance owns a key.
 * Failures while stores are not queryable (start-up, rebalance) surface as {@link StoresNotReadyException}.
 */
public class StoreReader {

    private static final HostInfo UNAVAILABLE = new HostInfo("unavailable", -1);

    private final KafkaStreamsInteractiveQueryService queries;

    public StoreReader(KafkaStreamsInteractiveQueryService queries) {
        this.queries = queries;
    }

    /** The value of {@code key} in this instance's part of {@code store}, or null. */
    public <V> V get(String store, String key) {
        try {
            ReadOnlyKeyValueStore<String, V> view = this.queries.retrieveQueryableStore(store,
                    QueryableStoreTypes.keyValueStore());
            return view.get(key);
        }
        catch (RuntimeException ex) {
            throw new StoresNotReadyException(store, ex);
        }
    }

    /** The instance owning {@code key} in {@code store} when it is another one; empty when it is this one. */
    public Optional<HostInfo> remoteOwner(String store, String key) {
        HostInfo owner;
        HostInfo self;
        try {
            owner = this.queries.getKafkaStreamsApplicationHostInfo(store, key, new StringSerializer());
            self = this.queries.getCurrentKafkaStreamsApplicationHostInfo();
        }
        catch (RuntimeException ex) {
            throw new StoresNotReadyException(store, ex);
        }
        if (owner == null || UNAVAILABLE.equals(owner)) {
            throw new StoresNotReadyException(store, null);
        }
        return owner.equals(self) ? Optional.empty() : Optional.of(owner);
    }
}
