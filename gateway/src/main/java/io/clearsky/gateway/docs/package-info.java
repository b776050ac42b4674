/**
 * API documentation: the OpenAPI description and its ReDoc page.
 */
package io.clearsky.gateway.docs;
