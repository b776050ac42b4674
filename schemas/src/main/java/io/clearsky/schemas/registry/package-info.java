/**
 * Registry mode: a client of the Confluent-compatible schema registry REST API and a serde that writes
 * the Confluent wire format (magic byte 0, 4-byte schema id, binary record), so stock deserialisers
 * read ClearSky's topics.
 */
package io.clearsky.schemas.registry;
