package io.clearsky.gateway.store;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde for the gateway's own store values. These never leave the gateway, so they need no
 * published schema; the public contracts stay Avro.
 */
final class JsonSerde<T> implements Serde<T> {

    private static final JsonMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private final Class<T> type;

    JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> (value != null) ? MAPPER.writeValueAsBytes(value) : null;
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, this.type);
            }
            catch (JacksonException ex) {
                throw new SerializationException("Cannot read " + this.type.getSimpleName() + " from " + topic, ex);
            }
        };
    }
}
