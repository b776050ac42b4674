/**
 * Topic names and their creation settings, shared by every ClearSky process.
 */
package io.clearsky.core.kafka;
