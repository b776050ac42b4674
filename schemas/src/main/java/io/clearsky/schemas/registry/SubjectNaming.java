package io.clearsky.schemas.registry;

import org.apache.avro.Schema;

/** Which registry subject a record value's schema is registered under, named as Confluent's strategies are. */
public enum SubjectNaming {

    /** {@code <topic>-value}: one schema per topic. The default, and what stock consumers expect. */
    TOPIC_NAME,

    /** The record's full name, e.g. {@code io.clearsky.schemas.avro.QueryAnswer}, shared across topics. */
    RECORD_NAME,

    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD_NAME;

    public String subject(String topic, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + "-value";
            case RECORD_NAME -> schema.getFullName();
            case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
        };
    }
}
