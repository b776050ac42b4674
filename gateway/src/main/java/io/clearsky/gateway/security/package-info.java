/**
 * Sign-in, roles and isolation for the HTTP API: who the caller is (an OIDC bearer token, an API key, or the one
 * local user), what their groups allow them to do, which sessions and queries they may see, how many
 * requests and questions they may have going, and an audit record for every refusal, cancel, reload
 * and administrator read. Gateway code obtains the caller through {@link io.clearsky.gateway.security.Callers}.
 */
package io.clearsky.gateway.security;
