/**
 * Who asked a question and what they may read: the principal on the record, the configured principal of a
 * direct Kafka publisher, or nobody, each with its data access.
 */
package io.clearsky.worker.security;
