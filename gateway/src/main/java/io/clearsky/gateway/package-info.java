/**
 * The ClearSky gateway: a thin HTTP front that publishes questions to Kafka and answers reads from
 * Kafka Streams state stores. It never calls a model or a query engine itself.
 */
package io.clearsky.gateway;
