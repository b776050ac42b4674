/**
 * The one-process local distribution: an in-process Kafka broker, the gateway, a worker and a DuckDB
 * demo lake, for trying ClearSky with no AWS account and no other infrastructure.
 */
package io.clearsky.local;
