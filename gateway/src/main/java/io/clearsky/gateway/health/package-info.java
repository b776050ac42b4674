/**
 * Health of the gateway's dependencies: cheap, cached checks per component and the overall status.
 */
package io.clearsky.gateway.health;
