/**
 * What earlier questions of a conversation were answered with, so follow-ups can build on them.
 */
package io.clearsky.worker.session;
