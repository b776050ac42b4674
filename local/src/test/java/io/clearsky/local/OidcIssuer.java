package io.clearsky.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A real OIDC issuer over loopback HTTP for tests: a discovery document and a JWK set served by the
 * JDK's HTTP server, and RS256 tokens signed with its key (Nimbus), as Keycloak or Okta issue them.
 */
final class OidcIssuer implements AutoCloseable {

    private final HttpServer server;

    private final RSAKey key;

    private final String issuer;

    private OidcIssuer(HttpServer server, RSAKey key, String issuer) {
        this.server = server;
        this.key = key;
        this.issuer = issuer;
    }

    static OidcIssuer start() throws IOException, JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/clearsky";
        String discovery = """
                {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                 "authorization_endpoint": "%s/protocol/openid-connect/auth",
                 "token_endpoint": "%s/protocol/openid-connect/token",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer, issuer, issuer, issuer);
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        serve(server, "/realms/clearsky/.well-known/openid-configuration", discovery);
        serve(server, "/realms/clearsky/protocol/openid-connect/certs", jwks);
        server.start();
        return new OidcIssuer(server, key, issuer);
    }

    private static void serve(HttpServer server, String path, String json) {
        server.createContext(path, (exchange) -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    String issuer() {
        return this.issuer;
    }

    /** Claims of a token valid for five minutes, for {@code audience}. */
    JWTClaimsSet.Builder claims(String user, String audience, List<String> groups) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(this.issuer).subject(user).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("groups", groups).claim("email", user + "@example.com");
    }

    /** The claims signed with the issuer's key (RS256). */
    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(this.key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
    }
}
