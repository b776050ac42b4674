/**
 * Kafka Streams state stores of query status and session history, how they are reduced, read (locally
 * or from the instance that owns a key) and watched for changes.
 */
package io.clearsky.gateway.store;
