/**
 * Topics every worker reads in full, outside any consumer group: cancel requests and answers.
 */
package io.clearsky.worker.follow;
