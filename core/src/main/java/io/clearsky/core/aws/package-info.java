/**
 * AWS SDK clients with ClearSky's region and credential rules.
 */
package io.clearsky.core.aws;
