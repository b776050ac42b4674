/**
 * Publishing questions onto the questions topic.
 */
package io.clearsky.gateway.intake;
