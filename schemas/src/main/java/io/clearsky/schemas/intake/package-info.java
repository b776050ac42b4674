/**
 * Reading a question in any format a publisher may write: Avro single-object encoding, Confluent-wire
 * Avro, or JSON with the record's field names (its JSON Schema is published beside the Avro contract).
 */
package io.clearsky.schemas.intake;
