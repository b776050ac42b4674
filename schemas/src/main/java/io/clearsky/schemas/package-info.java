/**
 * ClearSky's public event contracts: topic names, the Avro records in {@code io.clearsky.schemas.avro}
 * and serdes that write them with Avro single-object encoding, so no schema registry is needed, or in
 * registry mode ({@code registry}) with the Confluent wire format.
 */
package io.clearsky.schemas;
